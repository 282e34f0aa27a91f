using Ambient.Gateway.Voice;
using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Voice;

/// <summary>Uplink chunks as the earbud sends them (live stream: count 0, the last one Final), in any order.</summary>
public sealed class UplinkAssemblerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 28, 7, 0, 0, TimeSpan.Zero);
    private readonly VoiceCounters _counters = new();
    private readonly UplinkAssembler _assembler;
    private readonly short[] _speech = Signals.Sine(220, 16000, 8000);
    private readonly AudioChunkMessage[] _chunks;

    public UplinkAssemblerTests()
    {
        _assembler = new UplinkAssembler(Options.Create(new VoiceOptions { UplinkTimeout = TimeSpan.FromSeconds(3), MaxUplinkSeconds = 2 }), _counters);
        _chunks = SpeechChunker.Chunk(_speech, 5, 1600);
        foreach (var c in _chunks)
        {
            c.Count = 0; // live
        }
    }

    [Fact]
    public void Chunks_in_order_complete_with_the_final_one_and_decode_to_the_whole_utterance()
    {
        Utterance? done = null;
        var inOrder = new List<short>();
        foreach (var chunk in _chunks)
        {
            var progress = _assembler.Offer("earbud", chunk, T0);
            Assert.True(progress.Accepted);
            inOrder.AddRange(progress.InOrder);
            done ??= progress.Completed;
        }

        Assert.NotNull(done);
        Assert.Equal((5, 5, 0, false), (done.StreamId, done.Chunks, done.MissingChunks, done.TimedOut));
        Assert.Equal(8000, done.Samples.Length);
        Assert.Equal(done.Samples, inOrder);
        Assert.True(Signals.SnrDb(_speech, done.Samples) > 20);
        Assert.Equal(0, _assembler.OpenStreams);
    }

    [Fact]
    public void Out_of_order_chunks_are_put_back_in_order_and_the_detector_gets_pcm_only_in_order()
    {
        var inOrder = new List<short>();
        Utterance? done = null;
        foreach (var i in new[] { 1, 0, 3, 4, 2 })
        {
            var progress = _assembler.Offer("earbud", _chunks[i], T0);
            inOrder.AddRange(progress.InOrder);
            done ??= progress.Completed;
            if (i == 1)
            {
                Assert.Empty(progress.InOrder); // chunk 0 is not there yet
            }
        }

        Assert.NotNull(done);
        Assert.Equal(Whole(), done.Samples);
        Assert.Equal(Whole(), inOrder);
    }

    [Fact]
    public void A_duplicate_is_refused_and_counted()
    {
        _assembler.Offer("earbud", _chunks[0], T0);

        var again = _assembler.Offer("earbud", _chunks[0], T0);

        Assert.False(again.Accepted);
        Assert.Equal(UplinkProblem.Duplicate, again.Problem);
        Assert.Equal(1, _counters.UplinkProblem(UplinkProblem.Duplicate));
    }

    [Fact]
    public void A_missing_chunk_becomes_silence_when_the_stream_times_out()
    {
        foreach (var i in new[] { 0, 1, 3, 4 })
        {
            Assert.Null(_assembler.Offer("earbud", _chunks[i], T0).Completed);
        }

        Assert.Empty(_assembler.Expire(T0 + TimeSpan.FromSeconds(2)));
        var (utterance, inOrder) = Assert.Single(_assembler.Expire(T0 + TimeSpan.FromSeconds(3)));

        Assert.Equal((1, true, 4), (utterance.MissingChunks, utterance.TimedOut, utterance.Chunks));
        Assert.Equal(8000, utterance.Samples.Length);
        Assert.All(utterance.Samples.AsSpan(3200, 1600).ToArray(), s => Assert.Equal(0, s));
        Assert.Equal(Whole().AsSpan(4800).ToArray(), utterance.Samples.AsSpan(4800).ToArray());
        Assert.Equal(4800, inOrder.Length); // the silence and the two chunks after it
        Assert.Equal(1, _counters.UplinkProblem(UplinkProblem.Missing));
        Assert.Equal(1, _counters.UplinkProblem(UplinkProblem.Timeout));
    }

    [Fact]
    public void A_stream_whose_final_chunk_never_comes_ends_at_the_timeout_with_what_arrived()
    {
        _assembler.Offer("earbud", _chunks[0], T0);
        _assembler.Offer("earbud", _chunks[1], T0 + TimeSpan.FromSeconds(1));

        Assert.Empty(_assembler.Expire(T0 + TimeSpan.FromSeconds(3.5)));
        var (utterance, _) = Assert.Single(_assembler.Expire(T0 + TimeSpan.FromSeconds(4)));

        Assert.Equal(3200, utterance.Samples.Length);
        Assert.Equal(0, utterance.MissingChunks);
    }

    [Fact]
    public void A_chunk_after_its_stream_finished_is_late()
    {
        foreach (var chunk in _chunks)
        {
            _assembler.Offer("earbud", chunk, T0);
        }

        var late = _assembler.Offer("earbud", _chunks[2], T0);

        Assert.Equal(UplinkProblem.Late, late.Problem);
    }

    [Fact]
    public void Streams_of_different_devices_with_the_same_id_are_kept_apart()
    {
        _assembler.Offer("earbud-a", _chunks[0], T0);

        var other = _assembler.Offer("earbud-b", _chunks[0], T0);

        Assert.True(other.Accepted);
        Assert.Equal(2, _assembler.OpenStreams);
    }

    [Fact]
    public void A_chunk_at_another_sample_rate_or_format_is_refused()
    {
        _assembler.Offer("earbud", _chunks[0], T0);
        var pcm = new AudioChunkMessage { StreamId = 5, Index = 1, Format = AudioFormat.Pcm16, SampleRate = 16000, Data = new byte[64] };
        var rate = new AudioChunkMessage { StreamId = 5, Index = 1, Format = AudioFormat.ImaAdpcm, SampleRate = 8000, Data = new byte[64] };

        Assert.Equal(UplinkProblem.FormatMismatch, _assembler.Offer("earbud", pcm, T0).Problem);
        Assert.Equal(UplinkProblem.FormatMismatch, _assembler.Offer("earbud", rate, T0).Problem);
        Assert.Equal(2, _counters.UplinkProblem(UplinkProblem.FormatMismatch));
    }

    [Fact]
    public void Audio_past_the_longest_utterance_is_dropped_and_counted()
    {
        // MaxUplinkSeconds = 2: 32,000 samples; 25 chunks of 1,600 is 40,000.
        var chunks = SpeechChunker.Chunk(Signals.Sine(300, 16000, 40000), 9, 1600);
        Utterance? done = null;
        foreach (var chunk in chunks)
        {
            chunk.Count = 0;
            done ??= _assembler.Offer("earbud", chunk, T0).Completed;
        }

        Assert.NotNull(done);
        Assert.Equal(32000, done.Samples.Length);
        Assert.Equal(5, _counters.UplinkProblem(UplinkProblem.TooLong));
    }

    private short[] Whole()
    {
        var all = new short[8000];
        var at = 0;
        foreach (var chunk in _chunks)
        {
            at += SpeechChunker.Decode(chunk, all.AsSpan(at), 8000 - at);
        }

        return all;
    }
}
