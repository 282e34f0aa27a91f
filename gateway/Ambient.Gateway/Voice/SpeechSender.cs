using System.Collections.Concurrent;
using System.Diagnostics;
using Ambient.Gateway.Broker;
using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Voice;

/// <summary>
/// Text → espeak-ng → 16 kHz → IMA ADPCM chunks → `down/audio` of each earbud. The chunks of the first
/// <see cref="VoiceOptions.Lead"/> go out at once, so the earbud's ~300 ms start buffer fills straight away; later
/// ones are paced to real time plus the lead on the gateway's clock. Sent frames stay for
/// <see cref="VoiceOptions.ResendWindow"/>, so an earbud that names a chunk it missed (EventKind.AudioMissing) gets
/// it again while it can still play it.
/// </summary>
public sealed class SpeechSender(
    ITextToSpeech tts,
    IDownlinkPublisher downlinks,
    IOptions<VoiceOptions> options,
    VoiceCounters counters,
    TimeProvider time,
    ILogger<SpeechSender> logger)
{
    private readonly ConcurrentDictionary<(string Device, ushort Stream), (byte[][] Frames, DateTimeOffset Until)> _sent = new();

    /// <summary>Raised after the last chunk of a stream was handed to the broker.</summary>
    public event Func<SpokenStream, Task>? SpokenAsync;

    /// <summary>Synthesizes <paramref name="text"/> once and streams it to every device in <paramref name="deviceIds"/>.</summary>
    public async Task<SpokenStream> SpeakAsync(IReadOnlyList<string> deviceIds, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        var o = options.Value;
        var clock = Stopwatch.StartNew();
        var speech = await tts.SynthesizeAsync(text, cancellationToken).ConfigureAwait(false);
        var pcm = speech.SampleRate == SpeechChunker.SampleRate
            ? speech.Samples
            : PolyphaseResampler.Convert(speech.Samples, speech.SampleRate, SpeechChunker.SampleRate);
        var stream = SpeechStreamIds.Next();
        var chunkSamples = o.ChunkMilliseconds * SpeechChunker.SampleRate / 1000;
        var chunks = SpeechChunker.Chunk(pcm, stream, chunkSamples);
        var synthesisMs = clock.Elapsed.TotalMilliseconds;

        var frames = new byte[chunks.Length][];
        var firstAt = DateTimeOffset.MaxValue;
        long bytes = 0;
        var started = time.GetUtcNow();
        var sends = deviceIds.Select(async device =>
        {
            var at = await SendAsync(device, chunks, started, cancellationToken).ConfigureAwait(false);
            lock (frames)
            {
                firstAt = at < firstAt ? at : firstAt;
            }
        });
        await Task.WhenAll(sends).ConfigureAwait(false);
        foreach (var device in deviceIds)
        {
            if (_sent.TryGetValue((device, stream), out var kept))
            {
                bytes = kept.Frames.Sum(f => (long)f.Length);
            }
        }

        counters.StreamSent();
        var spoken = new SpokenStream(stream, text, deviceIds, chunks.Length, pcm.Length, bytes, synthesisMs,
            TimeSpan.FromSeconds((double)pcm.Length / SpeechChunker.SampleRate), firstAt == DateTimeOffset.MaxValue ? started : firstAt);
        VoiceLog.Spoken(logger, stream, string.Join(",", deviceIds), chunks.Length, spoken.SpeechDuration.TotalSeconds, synthesisMs);
        Forget();
        if (SpokenAsync is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<SpokenStream, Task>>())
            {
                await handler(spoken).ConfigureAwait(false);
            }
        }

        return spoken;
    }

    /// <summary>Sends a chunk again that the earbud says it missed; false when it is no longer kept.</summary>
    public async Task<bool> ResendAsync(string deviceId, ushort streamId, ushort index, CancellationToken cancellationToken)
    {
        if (!_sent.TryGetValue((deviceId, streamId), out var kept) || kept.Until < time.GetUtcNow() || index >= kept.Frames.Length)
        {
            VoiceLog.ResendRefused(logger, deviceId, streamId, index);
            return false;
        }

        await downlinks.PublishAsync(deviceId, Channel.AudioDown, kept.Frames[index], retain: false, cancellationToken).ConfigureAwait(false);
        counters.ChunkResent();
        return true;
    }

    // Publishes the chunks in order, pacing those past the lead; returns when the first one was handed over.
    private async Task<DateTimeOffset> SendAsync(string device, AudioChunkMessage[] chunks, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var frames = new byte[chunks.Length][];
        var firstAt = DateTimeOffset.MaxValue;
        var chunkDuration = TimeSpan.FromMilliseconds(o.ChunkMilliseconds);
        _sent[(device, chunks[0].StreamId)] = (frames, time.GetUtcNow() + o.ResendWindow);
        for (var i = 0; i < chunks.Length; i++)
        {
            var due = started + (chunkDuration * i) - o.Lead;
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            // Each device gets its own frame: the sequence number is what its acks refer to.
            var chunk = chunks[i];
            var message = new AudioChunkMessage
            {
                StreamId = chunk.StreamId,
                Index = chunk.Index,
                Count = chunk.Count,
                AudioFlags = chunk.AudioFlags,
                Format = chunk.Format,
                SampleRate = chunk.SampleRate,
                TotalSamples = chunk.TotalSamples,
                Predictor = chunk.Predictor,
                StepIndex = chunk.StepIndex,
                Data = chunk.Data,
                Sequence = DownlinkSequence.Next(),
                Timestamp = (uint)time.GetUtcNow().ToUnixTimeSeconds(),
            };
            var frame = FrameEncoder.Encode(message);
            frames[i] = frame;
            try
            {
                await downlinks.PublishAsync(device, Channel.AudioDown, frame, retain: false, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                counters.PublishFailed();
                VoiceLog.NotSent(logger, device, chunk.StreamId, i, e.Message);
                throw;
            }

            counters.ChunkSent(frame.Length);
            if (i == 0)
            {
                firstAt = time.GetUtcNow();
            }
        }

        return firstAt;
    }

    private void Forget()
    {
        var now = time.GetUtcNow();
        foreach (var (key, value) in _sent)
        {
            if (value.Until < now)
            {
                _sent.TryRemove(key, out _);
            }
        }
    }
}
