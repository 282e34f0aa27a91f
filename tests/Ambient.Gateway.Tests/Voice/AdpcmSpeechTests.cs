using Ambient.Gateway.Voice;
using Ambient.Protocol;
using Ambient.Protocol.Audio;

namespace Ambient.Gateway.Tests.Voice;

/// <summary>IMA ADPCM on the speech the gateway really sends (espeak-ng, resampled to 16 kHz).</summary>
public sealed class AdpcmSpeechTests
{
    private const string Sentence = "Reminder: dentist at 9:30, in 10 minutes, Main Street 5.";

    [Fact]
    public async Task Speech_survives_ADPCM_with_an_SNR_above_20_dB()
    {
        var speech = await Signals.SpeechAt16kAsync(Sentence);
        var chunks = SpeechChunker.Chunk(speech, streamId: 1, chunkSamples: 1600);

        var decoded = Decode(chunks);

        Assert.Equal(speech.Length, decoded.Length);
        var snr = Signals.SnrDb(speech, decoded);
        // IMA ADPCM is 4 bits per sample; on speech it keeps about 20–30 dB (ITU-T G.726 at 32 kbit/s: ~22 dB).
        Assert.True(snr > 20, $"SNR {snr:F1} dB");
    }

    [Fact]
    public async Task Chunk_boundaries_add_no_error_because_each_chunk_carries_the_coder_state()
    {
        var speech = await Signals.SpeechAt16kAsync("What's next? Lunch with Ana at 12:30.");
        var encoder = new ImaAdpcmEncoder();
        var pcm = new byte[speech.Length * 2];
        Buffer.BlockCopy(speech, 0, pcm, 0, pcm.Length);
        var whole = new byte[ImaAdpcm.EncodedByteCount(speech.Length)];
        encoder.Encode(pcm, 0, speech.Length, whole, 0);
        var decoder = new ImaAdpcmDecoder();
        var wholePcm = new byte[speech.Length * 2];
        decoder.Decode(whole, 0, speech.Length, wholePcm, 0);
        var expected = new short[speech.Length];
        Buffer.BlockCopy(wholePcm, 0, expected, 0, wholePcm.Length);

        var chunked = Decode(SpeechChunker.Chunk(speech, 2, 1600));

        Assert.Equal(expected, chunked);
    }

    [Fact]
    public async Task Chunks_carry_the_stream_header_and_the_last_one_is_final()
    {
        var speech = await Signals.SpeechAt16kAsync("Take vitamins.");

        var chunks = SpeechChunker.Chunk(speech, 77, 1600);

        var count = (speech.Length + 1599) / 1600;
        Assert.Equal(count, chunks.Length);
        Assert.All(chunks, c =>
        {
            Assert.Equal(77, c.StreamId);
            Assert.Equal(count, c.Count);
            Assert.Equal((uint)speech.Length, c.TotalSamples);
            Assert.Equal(AudioFormat.ImaAdpcm, c.Format);
            Assert.Equal(16000, c.SampleRate);
        });
        Assert.All(chunks[..^1], c => Assert.InRange(FrameEncoder.Encode(c).Length, 800, 900));
        Assert.Equal(Enumerable.Range(0, count).Select(i => (ushort)i), chunks.Select(c => c.Index));
        Assert.Equal([.. Enumerable.Repeat(AudioFlags.None, count - 1), AudioFlags.Final], chunks.Select(c => c.AudioFlags));
    }

    [Fact]
    public async Task A_lost_chunk_costs_only_its_own_samples()
    {
        var speech = await Signals.SpeechAt16kAsync("Dinner at seven with Ben and Ana.");
        var chunks = SpeechChunker.Chunk(speech, 3, 1600);
        var all = Decode(chunks);

        var buffer = new short[1600];
        var n = SpeechChunker.Decode(chunks[5], buffer, 1600);

        // Chunk 5 decodes on its own, from its header, to exactly what the whole stream gives there.
        Assert.Equal(all.AsSpan(5 * 1600, n).ToArray(), buffer.AsSpan(0, n).ToArray());
    }

    private static short[] Decode(AudioChunkMessage[] chunks)
    {
        var total = (int)chunks[0].TotalSamples;
        var output = new short[total];
        var at = 0;
        foreach (var chunk in chunks)
        {
            at += SpeechChunker.Decode(chunk, output.AsSpan(at), total - at);
        }

        return output;
    }
}
