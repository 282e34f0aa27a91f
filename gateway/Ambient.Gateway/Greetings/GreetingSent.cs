using Ambient.Protocol;

namespace Ambient.Gateway.Greetings;

/// <summary>A greeting went down to a device: what it said, how it was made and how long that took.</summary>
public sealed record GreetingSent(string DeviceId, DisplayMessage Message, string MadeBy, TimeSpan Took);
