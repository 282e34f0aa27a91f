namespace Ambient.Gateway.Telemetry;

/// <summary>
/// A reading as /api/telemetry returns it: the human value in <see cref="Unit"/> (wire integer / divisor from the
/// sensor catalog), its key, and whether its time is an estimate (boot-relative with no Hello to anchor it).
/// </summary>
public sealed record StoredReading(
    DateTimeOffset Time,
    string Kind,
    double Value,
    string Unit,
    bool Estimated,
    int Boot,
    long Sequence);
