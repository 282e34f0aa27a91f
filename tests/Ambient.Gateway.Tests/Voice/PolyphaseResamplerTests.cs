using Ambient.Gateway.Voice;

namespace Ambient.Gateway.Tests.Voice;

public sealed class PolyphaseResamplerTests
{
    [Fact]
    public void A_1_kHz_sine_at_22050_Hz_comes_out_as_the_same_sine_at_16_kHz()
    {
        var input = Signals.Sine(1000, 22050, 22050);

        var output = PolyphaseResampler.Convert(input, 22050, 16000);

        Assert.Equal(16000, output.Length);
        // Away from the edges (where the filter sees the signal start and stop) it is the ideal 16 kHz sine.
        var ideal = Signals.Sine(1000, 16000, 16000);
        var snr = Signals.SnrDb(ideal.AsSpan(200, 15600), output.AsSpan(200, 15600));
        Assert.True(snr > 50, $"SNR {snr:F1} dB");
    }

    [Theory]
    [InlineData(9000)]
    [InlineData(10000)]
    public void A_tone_above_the_new_nyquist_frequency_does_not_fold_back_into_the_band(double hz)
    {
        // Without a low-pass, 10 kHz at 16 kHz would alias to 6 kHz at full level (and 9 kHz to 7 kHz).
        var input = Signals.Sine(hz, 22050, 22050);

        var output = PolyphaseResampler.Convert(input, 22050, 16000);

        var alias = 16000 - hz;
        var ratioDb = 10 * Math.Log10(Signals.PowerAt(output.AsSpan(200, 15600), alias, 16000) / Signals.PowerAt(input, hz, 22050));
        Assert.True(ratioDb < -60, $"alias at {alias} Hz only {ratioDb:F1} dB down");
    }

    [Fact]
    public void The_pass_band_keeps_speech_frequencies_at_their_level()
    {
        foreach (var hz in new[] { 200.0, 3000, 6500 })
        {
            var output = PolyphaseResampler.Convert(Signals.Sine(hz, 22050, 22050), 22050, 16000);
            var gainDb = 10 * Math.Log10(Signals.PowerAt(output.AsSpan(200, 15600), hz, 16000) / (12000.0 * 12000 / 2));
            Assert.True(Math.Abs(gainDb) < 0.5, $"{hz} Hz: {gainDb:F2} dB");
        }
    }

    [Fact]
    public void Converting_in_blocks_of_any_size_gives_the_same_samples_as_in_one_go()
    {
        var random = new Random(5);
        var input = Enumerable.Range(0, 9000).Select(_ => (short)random.Next(-8000, 8000)).ToArray();
        var whole = PolyphaseResampler.Convert(input, 22050, 16000);

        var resampler = new PolyphaseResampler(22050, 16000);
        var pieces = new List<short>();
        for (var at = 0; at < input.Length;)
        {
            var n = Math.Min(random.Next(1, 700), input.Length - at);
            resampler.Process(input.AsSpan(at, n), pieces);
            at += n;
        }

        resampler.Flush(pieces);
        Assert.Equal(whole, pieces);
        Assert.Equal(resampler.OutputLength(input.Length), pieces.Count);
    }

    [Fact]
    public void The_output_is_aligned_with_the_input()
    {
        // A click at 0.5 s stays at 0.5 s: the filter's delay is taken out.
        var input = new short[22050];
        input[11025] = 30000;

        var output = PolyphaseResampler.Convert(input, 22050, 16000);

        var peak = Array.IndexOf(output, output.Max());
        Assert.InRange(peak, 7999, 8001);
    }
}
