using Ambient.Language;
using Ambient.Protocol;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// A text was written: for whom, the device it is about or answers (the asking magnet, the pot; null for a
/// reminder), the magnets it was sent to (<see cref="ShownOn"/>, empty when none was registered; it is still
/// remembered), what it said, how it was made ("template", "model", "model, resampled", with ", prepared" when
/// written ahead), how long writing it took and how many samples that drew.
/// </summary>
public sealed record GreetingSent(
    string? DeviceId,
    IReadOnlyList<string> ShownOn,
    Intent Intent,
    string Person,
    string Text,
    DisplayMessage Message,
    string MadeBy,
    TimeSpan Took,
    int Attempts);
