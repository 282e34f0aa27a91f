namespace Ambient.Gateway.Voice;

/// <summary>A sentence to speak, how it was made ("template", "model", …) and how long writing it took.</summary>
public sealed record SpokenText(string Text, string MadeBy, double Milliseconds);
