namespace Ambient.Gateway.Telemetry;

/// <summary>
/// The verdict on one frame. A rejected frame is still acknowledged at the MQTT level (see
/// <see cref="FrameIngestor"/>); <see cref="Reason"/> is the counted reason and <see cref="Detail"/> the decoder's
/// description for the log.
/// </summary>
public readonly record struct IngestOutcome(bool Accepted, string? Reason, string? Detail, IngestCommit Commit)
{
    public static IngestOutcome Rejected(string reason, string? detail = null) => new(false, reason, detail, default);
}
