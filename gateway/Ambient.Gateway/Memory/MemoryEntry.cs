namespace Ambient.Gateway.Memory;

/// <summary>
/// One remembered interaction: when, what kind, for whom (null: the household), through which device, the text,
/// how it was made ("template", "model", "device") and how long making it took (null when nothing was composed).
/// Also the row of GET /api/memory.
/// </summary>
public sealed record MemoryEntry(
    long Id,
    DateTimeOffset At,
    string Kind,
    string? Person,
    string? Device,
    string Text,
    string MadeBy,
    double? LatencyMs);
