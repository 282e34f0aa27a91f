using Ambient.Firmware.Audio;
using Ambient.Protocol;
using CsCheck;

namespace Ambient.Firmware.Core.Tests.Audio;

public sealed class JitterBufferTests
{
    private const int ChunkSamples = 320; // 20 ms
    private const int Fade = JitterBuffer.FadeSamples;

    private static ChunkedStream Tone(ushort streamId = 7, double seconds = 1, double amplitude = 12_000) =>
        new(streamId, Synth.Sine(440, amplitude, seconds), ChunkSamples);

    /// <summary>Reads until the buffer stops handing out samples, in blocks of <paramref name="block"/>.</summary>
    private static short[] Drain(JitterBuffer buffer, int block = 256)
    {
        var output = new List<short>();
        var pcm = new byte[block * 2];
        int n;
        while ((n = buffer.Read(pcm, 0, block)) > 0)
        {
            output.AddRange(Synth.ToSamples(pcm, 0, n));
        }

        return [.. output];
    }

    /// <summary>
    /// The reference as the buffer plays it: a 4 ms fade-in at the start, and a 4 ms fade from the last sample
    /// to rest at the end (the tone stops mid-swing; stopping the speaker there would click).
    /// </summary>
    private static short[] Played(short[] reference)
    {
        var x = new List<short>(reference);
        for (var i = 0; i < Fade; i++)
        {
            x[i] = (short)(x[i] * i / Fade);
        }

        var last = x[^1];
        for (var k = 0; last != 0 && k < Fade; k++)
        {
            x.Add((short)(last * (Fade - 1 - k) / Fade));
        }

        return [.. x];
    }

    [Fact]
    public void Playback_waits_for_300_ms_of_audio_then_plays_the_stream_in_order()
    {
        var stream = Tone();
        var buffer = new JitterBuffer(capacity: 64);
        var pcm = new byte[512];
        for (var k = 0; k < 14; k++)
        {
            Assert.Equal(ChunkAcceptance.Accepted, buffer.Offer(stream.Chunks[k]));
        }

        Assert.Equal(JitterBufferState.Buffering, buffer.State);
        Assert.Equal(0, buffer.Read(pcm, 0, 256));

        buffer.Offer(stream.Chunks[14]); // 15 × 20 ms = 300 ms
        Assert.Equal(JitterBufferState.Playing, buffer.State);
        foreach (var chunk in stream.Chunks[15..])
        {
            buffer.Offer(chunk);
        }

        var output = Drain(buffer);

        Assert.Equal(Played(stream.Reference), output);
        Assert.Equal(JitterBufferState.Ended, buffer.State);
        Assert.Equal(0, buffer.Read(pcm, 0, 256));
    }

    [Fact]
    public void Reordered_chunks_are_played_in_index_order()
    {
        var stream = Tone();
        var buffer = new JitterBuffer(capacity: 64);
        var random = new Random(5);
        var order = Enumerable.Range(0, stream.Chunks.Length).OrderBy(k => k + (random.NextDouble() * 8)).ToArray();
        Assert.NotEqual(Enumerable.Range(0, stream.Chunks.Length), order);

        foreach (var k in order)
        {
            Assert.Equal(ChunkAcceptance.Accepted, buffer.Offer(stream.Chunks[k]));
        }

        Assert.Equal(Played(stream.Reference), Drain(buffer));
        Assert.False(buffer.TryTakeMissing(out _));
    }

    [Fact]
    public void Duplicated_chunks_are_played_once()
    {
        var stream = Tone();
        var buffer = new JitterBuffer();
        var output = new List<short>();
        var pcm = new byte[640];
        foreach (var chunk in stream.Chunks)
        {
            Assert.Equal(ChunkAcceptance.Accepted, buffer.Offer(chunk));
            Assert.Equal(ChunkAcceptance.Duplicate, buffer.Offer(chunk));
            var n = buffer.Read(pcm, 0, ChunkSamples);
            output.AddRange(Synth.ToSamples(pcm, 0, n));
            if (chunk.Index > 0)
            {
                Assert.NotEqual(ChunkAcceptance.Accepted, buffer.Offer(stream.Chunks[chunk.Index - 1]));
            }
        }

        output.AddRange(Drain(buffer));

        Assert.Equal(Played(stream.Reference), output);
    }

    [Fact]
    public void A_lost_chunk_is_reported_once_and_bridged_without_a_click()
    {
        const int lost = 20;
        var stream = Tone();
        var buffer = new JitterBuffer(capacity: 64);
        foreach (var chunk in stream.Chunks.Where(c => c.Index != lost))
        {
            buffer.Offer(chunk);
        }

        Assert.True(buffer.TryTakeMissing(out var missing));
        Assert.Equal(lost, missing);
        Assert.False(buffer.TryTakeMissing(out _));

        var output = Drain(buffer);

        Assert.Equal(stream.Reference.Length + Fade, output.Length);
        Assert.Equal(1, buffer.SkippedChunks);
        var gapStart = lost * ChunkSamples;
        var gapEnd = gapStart + ChunkSamples;
        Assert.Equal(stream.Reference[Fade..gapStart], output[Fade..gapStart]);
        Assert.All(output[(gapStart + Fade)..gapEnd], s => Assert.Equal(0, s));
        Assert.Equal(Played(stream.Reference)[(gapEnd + Fade)..], output[(gapEnd + Fade)..]);

        // The fades keep every step around the gap within the steepest step of the tone itself (~2070 at 440 Hz)
        // plus one fade step (12 000 / 64), where cutting to silence would jump by up to 12 000.
        var toneStep = ChunkedStream.MaxStep(stream.Reference);
        var gapStep = ChunkedStream.MaxStep(output, gapStart - 10, gapEnd + Fade + 10);
        Assert.True(gapStep <= toneStep + (12_000 / Fade), $"step {gapStep} at the gap, tone {toneStep}");
        Assert.True(ChunkedStream.MaxStep(output, gapStart, gapStart + Fade) <= (12_000 / Fade) + 1);
    }

    [Fact]
    public void A_chunk_sent_again_before_its_turn_fills_its_gap()
    {
        var stream = Tone();
        var buffer = new JitterBuffer(capacity: 64);
        foreach (var chunk in stream.Chunks.Where(c => c.Index != 3))
        {
            buffer.Offer(chunk);
        }

        Assert.True(buffer.TryTakeMissing(out var missing));
        Assert.Equal(ChunkAcceptance.Accepted, buffer.Offer(stream.Chunks[missing]));

        Assert.Equal(Played(stream.Reference), Drain(buffer));
        Assert.Equal(0, buffer.SkippedChunks);
    }

    [Fact]
    public void A_chunk_that_arrives_after_its_gap_was_bridged_is_late()
    {
        var stream = Tone();
        var buffer = new JitterBuffer(capacity: 64);
        foreach (var chunk in stream.Chunks.Where(c => c.Index != 2))
        {
            buffer.Offer(chunk);
        }

        var pcm = new byte[2 * 4 * ChunkSamples];
        buffer.Read(pcm, 0, 4 * ChunkSamples);

        Assert.Equal(ChunkAcceptance.Late, buffer.Offer(stream.Chunks[2]));
        Assert.Equal(1, buffer.SkippedChunks);
    }

    [Fact]
    public void A_stream_shorter_than_the_start_buffer_plays_once_its_last_chunk_is_in_and_then_ends()
    {
        var stream = Tone(seconds: 0.1);
        var buffer = new JitterBuffer();
        foreach (var chunk in stream.Chunks[..^1])
        {
            buffer.Offer(chunk);
        }

        Assert.Equal(JitterBufferState.Buffering, buffer.State);
        buffer.Offer(stream.Chunks[^1]);
        Assert.Equal(JitterBufferState.Playing, buffer.State);

        var output = Drain(buffer);

        Assert.Equal(Played(stream.Reference), output);
        Assert.Equal(JitterBufferState.Ended, buffer.State);
        Assert.Equal(ChunkAcceptance.Late, buffer.Offer(stream.Chunks[0]));
    }

    [Fact]
    public void A_stream_whose_last_chunks_never_come_ends_when_the_app_completes_it()
    {
        var stream = Tone(seconds: 0.5);
        var buffer = new JitterBuffer();
        foreach (var chunk in stream.Chunks[..^3])
        {
            buffer.Offer(chunk);
        }

        var played = Drain(buffer);
        Assert.Equal(JitterBufferState.Buffering, buffer.State);

        buffer.Complete();
        played = [.. played, .. Drain(buffer)];

        Assert.Equal(JitterBufferState.Ended, buffer.State);
        Assert.Equal(stream.Reference.Length + Fade, played.Length); // + the fade to rest at the underrun
        Assert.Equal(3, buffer.SkippedChunks);
    }

    [Fact]
    public void An_underrun_fades_out_and_playback_resumes_after_buffering_again()
    {
        var stream = Tone();
        var buffer = new JitterBuffer();
        foreach (var chunk in stream.Chunks[..15])
        {
            buffer.Offer(chunk);
        }

        var first = Drain(buffer);

        Assert.Equal(JitterBufferState.Buffering, buffer.State);
        Assert.Equal((15 * ChunkSamples) + Fade, first.Length);
        Assert.Equal(0, first[^1]);
        Assert.True(ChunkedStream.MaxStep(first, 15 * ChunkSamples) <= (12_000 / Fade) + 1);

        foreach (var chunk in stream.Chunks[15..30])
        {
            buffer.Offer(chunk);
        }

        Assert.Equal(JitterBufferState.Playing, buffer.State);
        var second = Drain(buffer);
        Assert.Equal(0, second[0]);
        Assert.Equal(stream.Reference[((15 * ChunkSamples) + Fade)..(30 * ChunkSamples)], second[Fade..(15 * ChunkSamples)]);
    }

    [Fact]
    public void A_new_stream_id_drops_the_old_stream_with_a_fade()
    {
        var first = Tone(streamId: 1);
        var second = Tone(streamId: 2, amplitude: 6_000);
        var buffer = new JitterBuffer(capacity: 64);
        foreach (var chunk in first.Chunks[..20])
        {
            buffer.Offer(chunk);
        }

        var pcm = new byte[2 * 1000];
        buffer.Read(pcm, 0, 1000);

        Assert.Equal(ChunkAcceptance.Accepted, buffer.Offer(second.Chunks[0]));
        Assert.Equal(2, buffer.StreamId);
        Assert.Equal(JitterBufferState.Buffering, buffer.State);
        Assert.Equal(ChunkSamples, buffer.BufferedSamples);
        foreach (var chunk in second.Chunks[1..])
        {
            buffer.Offer(chunk);
        }

        var cut = Drain(buffer);

        Assert.Equal(Played(second.Reference), cut[Fade..]);
        Assert.True(ChunkedStream.MaxStep(cut, 0, 2 * Fade) <= ChunkedStream.MaxStep(first.Reference));
    }

    [Fact]
    public void Chunks_beyond_the_capacity_or_the_stream_are_refused_and_broken_ones_are_unsupported()
    {
        var stream = Tone();
        var buffer = new JitterBuffer(capacity: 8);

        Assert.Equal(ChunkAcceptance.Accepted, buffer.Offer(stream.Chunks[7]));
        Assert.Equal(ChunkAcceptance.OutOfWindow, buffer.Offer(stream.Chunks[8]));
        Assert.Equal(ChunkAcceptance.Unsupported, buffer.Offer(new AudioChunkMessage { StreamId = 7, Format = AudioFormat.ImaAdpcm, Data = [] }));
        Assert.Equal(ChunkAcceptance.Unsupported, buffer.Offer(new AudioChunkMessage { StreamId = 7, Format = AudioFormat.ImaAdpcm, StepIndex = 89, Data = [1] }));
        Assert.Equal(ChunkAcceptance.Unsupported, buffer.Offer(new AudioChunkMessage { StreamId = 7, Format = AudioFormat.Pcm16, Data = [1, 2, 3] }));
        Assert.Equal(ChunkAcceptance.Unsupported, buffer.Offer(null!));
        Assert.Equal(7, buffer.StreamId);
        Assert.Equal(ChunkSamples, buffer.BufferedSamples);
    }

    [Fact]
    public void Reading_allocates_nothing()
    {
        var stream = Tone();
        var buffer = new JitterBuffer(capacity: 64);
        foreach (var chunk in stream.Chunks.Where(c => c.Index != 30))
        {
            buffer.Offer(chunk);
        }

        var pcm = new byte[2 * 256];
        buffer.Read(pcm, 0, 256);
        var before = GC.GetAllocatedBytesForCurrentThread();
        while (buffer.Read(pcm, 0, 256) > 0)
        {
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(JitterBufferState.Ended, buffer.State);
    }

    [Fact]
    public void A_pcm16_stream_is_played_byte_for_byte()
    {
        var samples = Synth.ToPcm(Synth.Sine(300, 9_000, 0.2));
        var buffer = new JitterBuffer();
        for (var k = 0; k < 10; k++)
        {
            buffer.Offer(new AudioChunkMessage
            {
                StreamId = 3,
                Index = (ushort)k,
                Count = 10,
                Format = AudioFormat.Pcm16,
                SampleRate = Synth.SampleRate,
                Data = samples[(k * 640)..((k + 1) * 640)],
            });
        }

        var output = Drain(buffer);

        Assert.Equal(Played(Synth.ToSamples(samples, 0, samples.Length / 2)), output);
    }

    [Fact]
    public void Whatever_arrives_in_whatever_order_plays_every_chunk_slot_once_without_a_click()
    {
        var stream = Tone(seconds: 0.6);
        var toneStep = ChunkedStream.MaxStep(stream.Reference);
        var arrivals = Gen.Int[0, stream.Chunks.Length - 1].Array[1, 80];
        Gen.Select(arrivals, Gen.Int[1, 400]).Sample((indexes, block) =>
        {
            var buffer = new JitterBuffer();
            var output = new List<short>();
            var pcm = new byte[block * 2];
            foreach (var k in indexes)
            {
                buffer.Offer(stream.Chunks[k]);
                buffer.TryTakeMissing(out _);
                var n = buffer.Read(pcm, 0, block);
                output.AddRange(Synth.ToSamples(pcm, 0, n));
            }

            buffer.Complete();
            output.AddRange(Drain(buffer, block));

            var played = output.ToArray();
            Assert.Equal(JitterBufferState.Ended, buffer.State);
            Assert.True(ChunkedStream.MaxStep(played) <= toneStep + (12_000 / Fade), $"step {ChunkedStream.MaxStep(played)}");

            // Every chunk's time is played once (as audio or as bridging silence); only the fades to rest at an
            // underrun or at the end add samples.
            Assert.True(played.Length >= stream.Reference.Length);
            Assert.Equal(0, (played.Length - stream.Reference.Length) % Fade);
        }, iter: 300);
    }
}
