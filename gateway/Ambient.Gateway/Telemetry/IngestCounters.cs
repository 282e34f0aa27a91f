using System.Collections.Concurrent;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// What ingest has done since start, for /api/health: frames accepted and rejected (per reason), readings stored,
/// replayed and expired, and the accepted-frame rate over the last minute (60 one-second buckets on the
/// injected clock, so tests can drive it).
/// </summary>
public sealed class IngestCounters(TimeProvider time)
{
    private const int Window = 60;
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private readonly long[] _bucketSecond = new long[Window];
    private readonly long[] _bucketCount = new long[Window];
    private readonly Lock _rateLock = new();
    private long _accepted;
    private long _stored;
    private long _duplicates;
    private long _expired;
    private long _commits;

    public long AcceptedFrames => Interlocked.Read(ref _accepted);

    public long StoredReadings => Interlocked.Read(ref _stored);

    public long DuplicateReadings => Interlocked.Read(ref _duplicates);

    public long ExpiredReadings => Interlocked.Read(ref _expired);

    /// <summary>Transactions the writer committed (frames per commit = accepted frames / this).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public IReadOnlyDictionary<string, long> RejectedFrames => new SortedDictionary<string, long>(_rejected, StringComparer.Ordinal);

    public long RejectedCount(string reason) => _rejected.TryGetValue(reason, out var n) ? n : 0;

    public void Accepted()
    {
        Interlocked.Increment(ref _accepted);
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        var slot = (int)(second % Window);
        lock (_rateLock)
        {
            if (_bucketSecond[slot] != second)
            {
                _bucketSecond[slot] = second;
                _bucketCount[slot] = 0;
            }

            _bucketCount[slot]++;
        }
    }

    public void Rejected(string reason) => _rejected.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void Committed() => Interlocked.Increment(ref _commits);

    public void ReadingsWritten(IngestCommit commit)
    {
        Interlocked.Add(ref _stored, commit.Stored);
        Interlocked.Add(ref _duplicates, commit.Duplicates);
        Interlocked.Add(ref _expired, commit.Expired);
    }

    /// <summary>Accepted frames per second, averaged over the last minute.</summary>
    public double FramesPerSecond()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        long total = 0;
        lock (_rateLock)
        {
            for (var i = 0; i < Window; i++)
            {
                if (now - _bucketSecond[i] < Window)
                {
                    total += _bucketCount[i];
                }
            }
        }

        return total / (double)Window;
    }
}
