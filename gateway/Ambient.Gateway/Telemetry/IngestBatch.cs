namespace Ambient.Gateway.Telemetry;

/// <summary>
/// Everything one accepted frame (or broker event) writes, applied by the writer in one transaction together
/// with other batches. <see cref="Committed"/> completes after COMMIT returns, which is when PUBACK may go.
/// </summary>
public sealed class IngestBatch
{
    private readonly TaskCompletionSource<IngestCommit> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public required string DeviceId { get; init; }

    /// <summary>Unix seconds when the gateway received the frame.</summary>
    public required long ReceivedAt { get; init; }

    public IReadOnlyList<ReadingRow> Readings { get; init; } = [];

    public HelloUpdate? Hello { get; init; }

    /// <summary>False for a broker-side disconnect, which is not a sign of life.</summary>
    public bool Seen { get; init; } = true;

    public bool? Online { get; init; }

    public int? BatteryMillivolts { get; init; }

    public int? RssiDbm { get; init; }

    public Task<IngestCommit> Committed => _committed.Task;

    internal void Complete(IngestCommit commit) => _committed.TrySetResult(commit);

    internal void Fail(Exception error) => _committed.TrySetException(error);
}
