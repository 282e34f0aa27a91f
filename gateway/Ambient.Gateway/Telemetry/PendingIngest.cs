namespace Ambient.Gateway.Telemetry;

/// <summary>
/// A frame <see cref="FrameIngestor.Begin"/> has judged: either rejected (<see cref="Commit"/> is null and
/// <see cref="Rejection"/> says why) or queued for the writer, with what to tell the capabilities once committed.
/// </summary>
public readonly record struct PendingIngest
{
    public PendingIngest(IngestOutcome rejection) => Rejection = rejection;

    public PendingIngest(Task<IngestCommit> commit, FrameAcceptedEventArgs? accepted)
    {
        Commit = commit;
        Accepted = accepted;
    }

    public IngestOutcome Rejection { get; }

    public Task<IngestCommit>? Commit { get; }

    public FrameAcceptedEventArgs? Accepted { get; }
}
