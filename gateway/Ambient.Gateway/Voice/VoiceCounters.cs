using System.Collections.Concurrent;

namespace Ambient.Gateway.Voice;

/// <summary>What the voice capability did and what went wrong, by name (for logs, tests and the health view).</summary>
public sealed class VoiceCounters
{
    private readonly ConcurrentDictionary<string, long> _synthesisFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _uplinkProblems = new(StringComparer.Ordinal);
    private long _streamsSent;
    private long _chunksSent;
    private long _bytesSent;
    private long _publishFailures;
    private long _resent;
    private long _uplinkChunks;
    private long _utterances;
    private long _wakeWords;
    private long _answers;
    private long _quiet;

    public long StreamsSent => Interlocked.Read(ref _streamsSent);

    public long ChunksSent => Interlocked.Read(ref _chunksSent);

    /// <summary>Frame bytes of speech published (before MQTT framing).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    public long ChunksResent => Interlocked.Read(ref _resent);

    public long UplinkChunks => Interlocked.Read(ref _uplinkChunks);

    public long Utterances => Interlocked.Read(ref _utterances);

    public long WakeWordsDetected => Interlocked.Read(ref _wakeWords);

    public long AnswersSpoken => Interlocked.Read(ref _answers);

    /// <summary>Reminders due in the household's quiet hours, not spoken (they still went to the magnets).</summary>
    public long RemindersKeptQuiet => Interlocked.Read(ref _quiet);

    public IReadOnlyDictionary<string, long> SynthesisFailures => _synthesisFailures;

    public IReadOnlyDictionary<string, long> UplinkProblems => _uplinkProblems;

    public long UplinkProblem(string name) => _uplinkProblems.TryGetValue(name, out var n) ? n : 0;

    internal void SynthesisFailed(string reason) => _synthesisFailures.AddOrUpdate(reason, 1, (_, n) => n + 1);

    internal void StreamSent() => Interlocked.Increment(ref _streamsSent);

    internal void ChunkSent(int bytes)
    {
        Interlocked.Increment(ref _chunksSent);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    internal void PublishFailed() => Interlocked.Increment(ref _publishFailures);

    internal void ChunkResent() => Interlocked.Increment(ref _resent);

    internal void UplinkChunk() => Interlocked.Increment(ref _uplinkChunks);

    internal void Uplink(string problem, int count = 1) => _uplinkProblems.AddOrUpdate(problem, count, (_, n) => n + count);

    internal void Utterance() => Interlocked.Increment(ref _utterances);

    internal void WakeWord() => Interlocked.Increment(ref _wakeWords);

    internal void Answer() => Interlocked.Increment(ref _answers);

    internal void QuietSkipped() => Interlocked.Increment(ref _quiet);
}
