using Ambient.Protocol;
using Ambient.Protocol.Audio;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Voice;

/// <summary>
/// Puts the earbud's voice-gated uplink audio back together, per (device, stream id). Chunks may come out of
/// order (the ingest path commits frames concurrently), twice (QoS 1 redelivery) or not at all. Each chunk carries
/// its own ADPCM state, so it decodes on its own; a missing chunk becomes silence as long as its neighbours (the
/// longest chunk seen). A stream ends with its Final chunk once everything before it is in, or after
/// <see cref="VoiceOptions.UplinkTimeout"/> without a new chunk (<see cref="Expire"/>), with whatever arrived.
/// Every refusal and gap is counted by name in <see cref="VoiceCounters"/>. Thread-safe.
/// </summary>
public sealed class UplinkAssembler(IOptions<VoiceOptions> options, VoiceCounters counters)
{
    private const int Rate = 16000;

    // Streams finished recently, so a late copy is told apart from a new stream with the same id.
    private static readonly TimeSpan FinishedMemory = TimeSpan.FromMinutes(2);

    private readonly Dictionary<(string Device, ushort Stream), Assembly> _open = [];
    private readonly Dictionary<(string Device, ushort Stream), DateTimeOffset> _finished = [];
    private readonly Lock _gate = new();

    /// <summary>Streams being assembled.</summary>
    public int OpenStreams
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>True while the stream is being assembled (neither finished nor timed out).</summary>
    public bool IsOpen(string deviceId, ushort streamId)
    {
        lock (_gate)
        {
            return _open.ContainsKey((deviceId, streamId));
        }
    }

    public UplinkProgress Offer(string deviceId, AudioChunkMessage chunk, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var key = (deviceId, chunk.StreamId);
        lock (_gate)
        {
            if (_finished.ContainsKey(key))
            {
                return Refuse(UplinkProblem.Late);
            }

            if (chunk.SampleRate != Rate || chunk.Format is not (AudioFormat.ImaAdpcm or AudioFormat.Pcm16) || chunk.Data is not { Length: > 0 })
            {
                return Refuse(UplinkProblem.FormatMismatch);
            }

            if (!_open.TryGetValue(key, out var stream))
            {
                stream = new Assembly(deviceId, chunk.StreamId, chunk.Format, options.Value.MaxUplinkSeconds * Rate);
                _open[key] = stream;
            }

            if (chunk.Format != stream.Format)
            {
                return Refuse(UplinkProblem.FormatMismatch);
            }

            if (stream.Pending.ContainsKey(chunk.Index) || chunk.Index < stream.NextIndex)
            {
                return Refuse(UplinkProblem.Duplicate);
            }

            if ((stream.FinalIndex is { } last && chunk.Index > last) || chunk.Index - stream.NextIndex > stream.MaxChunksAhead)
            {
                return Refuse(UplinkProblem.TooLong);
            }

            counters.UplinkChunk();
            stream.LastChunkAt = now;
            stream.Chunks++;
            stream.Pending[chunk.Index] = chunk;
            stream.ChunkSamples = Math.Max(stream.ChunkSamples, SamplesIn(chunk));
            if ((chunk.AudioFlags & AudioFlags.Final) != 0 || (chunk.Count > 0 && chunk.Index == chunk.Count - 1))
            {
                stream.FinalIndex = Math.Min(stream.FinalIndex ?? int.MaxValue, chunk.Index);
            }

            var start = stream.Length;
            stream.DrainInOrder(counters);
            var inOrder = stream.Samples.AsSpan(start, stream.Length - start).ToArray();
            Utterance? completed = null;
            if (stream.FinalIndex is { } final && stream.NextIndex > final)
            {
                completed = Finish(key, stream, timedOut: false, now);
            }

            return new UplinkProgress(true, null, inOrder, completed);
        }
    }

    /// <summary>Finishes the streams that got no chunk for the uplink timeout; returns them with the PCM that became ready.</summary>
    public IReadOnlyList<(Utterance Utterance, short[] InOrder)> Expire(DateTimeOffset now)
    {
        var expired = new List<(Utterance, short[])>();
        lock (_gate)
        {
            foreach (var (key, stream) in _open.ToList())
            {
                if (now - stream.LastChunkAt < options.Value.UplinkTimeout)
                {
                    continue;
                }

                // Whatever is still pending plays after silence for each chunk that never came.
                var start = stream.Length;
                var last = stream.Pending.Count == 0 ? stream.NextIndex - 1 : stream.Pending.Keys.Max();
                while (stream.NextIndex <= last)
                {
                    if (!stream.Pending.ContainsKey(stream.NextIndex))
                    {
                        stream.Skip(counters);
                    }

                    stream.DrainInOrder(counters);
                }

                counters.Uplink(UplinkProblem.Timeout);
                var inOrder = stream.Samples.AsSpan(start, stream.Length - start).ToArray();
                expired.Add((Finish(key, stream, timedOut: true, now), inOrder));
            }

            foreach (var (key, at) in _finished.ToList())
            {
                if (now - at > FinishedMemory)
                {
                    _finished.Remove(key);
                }
            }
        }

        return expired;
    }

    private UplinkProgress Refuse(string problem)
    {
        counters.Uplink(problem);
        return UplinkProgress.Refused(problem);
    }

    private Utterance Finish((string, ushort) key, Assembly stream, bool timedOut, DateTimeOffset now)
    {
        _open.Remove(key);
        _finished[key] = now;
        counters.Utterance();
        return new Utterance(stream.DeviceId, stream.StreamId, stream.Samples.AsSpan(0, stream.Length).ToArray(), stream.Chunks, stream.Missing, timedOut);
    }

    private static int SamplesIn(AudioChunkMessage chunk) =>
        chunk.Format == AudioFormat.ImaAdpcm ? ImaAdpcm.SampleCount(chunk.Data.Length) : chunk.Data.Length / 2;

    private sealed class Assembly(string deviceId, ushort streamId, AudioFormat format, int maxSamples)
    {
        public string DeviceId { get; } = deviceId;

        public ushort StreamId { get; } = streamId;

        public AudioFormat Format { get; } = format;

        public SortedDictionary<int, AudioChunkMessage> Pending { get; } = [];

        public int NextIndex { get; private set; }

        public int? FinalIndex { get; set; }

        public int ChunkSamples { get; set; }

        public int Chunks { get; set; }

        public int Missing { get; private set; }

        public DateTimeOffset LastChunkAt { get; set; }

        public short[] Samples { get; private set; } = new short[Rate];

        public int Length { get; private set; }

        // How far ahead of the next missing chunk one may run: the whole allowed length in the smallest chunks.
        public int MaxChunksAhead => maxSamples / 160;

        // Decodes every chunk that is next in line.
        public void DrainInOrder(VoiceCounters counters)
        {
            while (Pending.Remove(NextIndex, out var chunk))
            {
                var samples = SamplesIn(chunk);
                if (!Reserve(samples, counters))
                {
                    NextIndex++;
                    continue;
                }

                Length += SpeechChunker.Decode(chunk, Samples.AsSpan(Length), samples);
                NextIndex++;
            }
        }

        // A chunk that never came: silence as long as a chunk.
        public void Skip(VoiceCounters counters)
        {
            counters.Uplink(UplinkProblem.Missing);
            Missing++;
            if (Reserve(ChunkSamples, counters))
            {
                Length += ChunkSamples; // the array is zeroed: silence
            }

            NextIndex++;
        }

        private bool Reserve(int samples, VoiceCounters counters)
        {
            if (Length + samples > maxSamples)
            {
                counters.Uplink(UplinkProblem.TooLong);
                return false;
            }

            if (Length + samples > Samples.Length)
            {
                var grown = Samples;
                Array.Resize(ref grown, Math.Max(Samples.Length * 2, Length + samples));
                Samples = grown;
            }

            return true;
        }
    }
}
