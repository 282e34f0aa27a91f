using Ambient.Protocol.Audio;
using CsCheck;

namespace Ambient.Protocol.Tests.Audio;

public sealed class ImaAdpcmTests
{
    // Measured with this codec (1 s / 2 s at 16 kHz, coder starting from state (0, 0)): sine 32.4 dB,
    // speech-like 29.8 dB, white noise 15.5 dB. The thresholds leave about 2 dB of margin.
    [Fact]
    public void A_440_Hz_sine_survives_with_more_than_30_dB_SNR()
    {
        var sine = PcmSignal.Sine(440, 16_000, PcmSignal.SampleRate);

        var snr = PcmSignal.SnrDb(sine, PcmSignal.RoundTrip(sine));

        Assert.True(snr >= 30, $"SNR {snr:F2} dB");
    }

    [Fact]
    public void Speech_like_syllables_survive_with_more_than_27_dB_SNR()
    {
        var speech = PcmSignal.SpeechLike(2 * PcmSignal.SampleRate);

        var snr = PcmSignal.SnrDb(speech, PcmSignal.RoundTrip(speech));

        Assert.True(snr >= 27, $"SNR {snr:F2} dB");
    }

    [Fact]
    public void White_noise_survives_with_more_than_13_dB_SNR()
    {
        // Noise is the worst case for a predictive coder: nothing to predict, so only the 4-bit quantizer is left.
        var noise = PcmSignal.WhiteNoise(8_000, PcmSignal.SampleRate);

        var snr = PcmSignal.SnrDb(noise, PcmSignal.RoundTrip(noise));

        Assert.True(snr >= 13, $"SNR {snr:F2} dB");
    }

    [Fact]
    public void Encoding_matches_the_IMA_algorithm_worked_by_hand()
    {
        // From (0, 0): step 7, diff 1000 → code 7, vpdiff 7 + 3 + 1 + 0 = 11, index 0 + 8 = 8.
        // Then step 16, diff 989 → code 7, vpdiff 16 + 8 + 4 + 2 = 30, predictor 41, index 16.
        // Low nibble first: the byte is 0x77. A third sample alone (negative: sign bit 8) leaves the high nibble 0.
        var encoder = new ImaAdpcmEncoder();
        var adpcm = new byte[2];

        var written = encoder.Encode(PcmSignal.ToBytes([1000, 1000, -32768]), 0, 3, adpcm, 0);

        Assert.Equal(2, written);
        Assert.Equal(0x77, adpcm[0]);
        Assert.Equal(0, adpcm[1] >> 4);
        Assert.Equal(0x08, adpcm[1] & 0x08);
        var decoder = new ImaAdpcmDecoder();
        var pcm = new byte[4];
        decoder.Decode(adpcm, 0, 2, pcm, 0);
        Assert.Equal(new short[] { 11, 41 }, PcmSignal.FromBytes(pcm, 0, 2));
        Assert.Equal(41, decoder.Predictor);
        Assert.Equal(16, decoder.StepIndex);
    }

    [Fact]
    public void Decoding_a_chunk_from_its_header_state_equals_slicing_the_whole_stream()
    {
        const int chunkSamples = 256;
        var speech = PcmSignal.SpeechLike(PcmSignal.SampleRate);
        var pcm = PcmSignal.ToBytes(speech);
        var chunks = speech.Length / chunkSamples;
        var adpcm = new byte[chunks][];
        var predictors = new short[chunks];
        var steps = new byte[chunks];
        var encoder = new ImaAdpcmEncoder();
        for (var k = 0; k < chunks; k++)
        {
            predictors[k] = encoder.Predictor;
            steps[k] = encoder.StepIndex;
            adpcm[k] = new byte[chunkSamples / 2];
            encoder.Encode(pcm, k * chunkSamples * 2, chunkSamples, adpcm[k], 0);
        }

        var whole = new byte[chunks * chunkSamples * 2];
        var continuous = new ImaAdpcmDecoder();
        for (var k = 0; k < chunks; k++)
        {
            continuous.Decode(adpcm[k], 0, chunkSamples, whole, k * chunkSamples * 2);
        }

        for (var k = 0; k < chunks; k++)
        {
            var alone = new ImaAdpcmDecoder();
            alone.Reset(predictors[k], steps[k]);
            var chunk = new byte[chunkSamples * 2];
            alone.Decode(adpcm[k], 0, chunkSamples, chunk, 0);

            Assert.Equal(whole.AsSpan(k * chunkSamples * 2, chunkSamples * 2).ToArray(), chunk);
        }
    }

    [Fact]
    public void A_chunk_decoded_in_pieces_of_any_size_equals_decoding_it_at_once()
    {
        Gen.Select(Gen.Short.Array[2, 600], Gen.Int[0, 599]).Sample((samples, cut) =>
        {
            cut = Math.Min(cut, samples.Length);
            var adpcm = new byte[ImaAdpcm.EncodedByteCount(samples.Length)];
            new ImaAdpcmEncoder().Encode(PcmSignal.ToBytes(samples), 0, samples.Length, adpcm, 0);
            var atOnce = new byte[samples.Length * 2];
            new ImaAdpcmDecoder().Decode(adpcm, 0, samples.Length, atOnce, 0);

            var pieces = new byte[samples.Length * 2];
            var decoder = new ImaAdpcmDecoder();
            decoder.Decode(adpcm, 0, 0, cut, pieces, 0);
            decoder.Decode(adpcm, 0, cut, samples.Length - cut, pieces, cut * 2);

            Assert.Equal(atOnce, pieces);
        }, iter: 500);
    }

    [Fact]
    public void Decoding_what_was_encoded_gives_one_sample_per_sample_and_never_throws()
    {
        Gen.Select(Gen.Short.Array[0, 3000], Gen.Short, Gen.Int[0, ImaAdpcm.MaxStepIndex], Gen.Int[0, 5])
            .Sample((samples, predictor, step, offset) =>
            {
                var pcm = new byte[offset + (samples.Length * 2)];
                PcmSignal.ToBytes(samples).CopyTo(pcm, offset);
                var adpcm = new byte[offset + ImaAdpcm.EncodedByteCount(samples.Length)];
                var encoder = new ImaAdpcmEncoder();
                encoder.Reset(predictor, (byte)step);

                var encoded = encoder.Encode(pcm, offset, samples.Length, adpcm, offset);
                var decoder = new ImaAdpcmDecoder();
                decoder.Reset(predictor, (byte)step);
                var decoded = new byte[samples.Length * 2];
                var written = decoder.Decode(adpcm, offset, samples.Length, decoded, 0);

                Assert.Equal((samples.Length + 1) / 2, encoded);
                Assert.Equal(samples.Length * 2, written);
                Assert.Equal(encoder.Predictor, decoder.Predictor);
                Assert.Equal(encoder.StepIndex, decoder.StepIndex);
                Assert.InRange(decoder.StepIndex, 0, ImaAdpcm.MaxStepIndex);
            }, iter: 1_000);
    }

    [Fact]
    public void Encoding_and_decoding_allocate_nothing()
    {
        var pcm = PcmSignal.ToBytes(PcmSignal.Sine(440, 16_000, 4096));
        var adpcm = new byte[2048];
        var decoded = new byte[pcm.Length];
        var encoder = new ImaAdpcmEncoder();
        var decoder = new ImaAdpcmDecoder();
        encoder.Encode(pcm, 0, 16, adpcm, 0);
        decoder.Decode(adpcm, 0, 16, decoded, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        encoder.Encode(pcm, 0, 4096, adpcm, 0);
        decoder.Decode(adpcm, 0, 4096, decoded, 0);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void A_step_index_outside_the_table_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImaAdpcmDecoder().Reset(0, 89));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImaAdpcmEncoder().Reset(0, 89));
        Assert.False(ImaAdpcm.IsValidStepIndex(89));
        Assert.True(ImaAdpcm.IsValidStepIndex(88));
    }

    [Fact]
    public void A_buffer_too_small_for_the_count_is_refused_before_anything_is_written()
    {
        var adpcm = new byte[4];

        Assert.Throws<ArgumentOutOfRangeException>(() => new ImaAdpcmEncoder().Encode(new byte[20], 0, 10, adpcm, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImaAdpcmDecoder().Decode(adpcm, 0, 9, new byte[18], 0));
        Assert.Equal(new byte[4], adpcm);
    }
}
