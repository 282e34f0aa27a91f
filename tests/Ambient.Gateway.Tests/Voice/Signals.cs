using Ambient.Gateway.Voice;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Voice;

/// <summary>Test signals and measures: sines, SNR, the power of one frequency (Goertzel), real espeak-ng speech.</summary>
internal static class Signals
{
    public static short[] Sine(double hz, int rate, int samples, double amplitude = 12000) =>
        [.. Enumerable.Range(0, samples).Select(n => (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * hz * n / rate)))];

    /// <summary>Signal-to-noise ratio of <paramref name="actual"/> against <paramref name="expected"/>, dB.</summary>
    public static double SnrDb(ReadOnlySpan<short> expected, ReadOnlySpan<short> actual)
    {
        double signal = 0, noise = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            signal += (double)expected[i] * expected[i];
            var e = (double)expected[i] - actual[i];
            noise += e * e;
        }

        return 10 * Math.Log10(signal / Math.Max(noise, 1e-9));
    }

    /// <summary>Mean power of the component at <paramref name="hz"/> (Goertzel over the whole span), in squared sample units.</summary>
    public static double PowerAt(ReadOnlySpan<short> x, double hz, int rate)
    {
        var w = 2 * Math.PI * hz / rate;
        double re = 0, im = 0;
        for (var n = 0; n < x.Length; n++)
        {
            re += x[n] * Math.Cos(w * n);
            im -= x[n] * Math.Sin(w * n);
        }

        var amplitude = 2 * Math.Sqrt((re * re) + (im * im)) / x.Length;
        return amplitude * amplitude / 2;
    }

    public static double Rms(ReadOnlySpan<short> x)
    {
        double sum = 0;
        foreach (var s in x)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / Math.Max(1, x.Length));
    }

    public static EspeakSynthesizer Espeak(VoiceOptions? options = null, VoiceCounters? counters = null) =>
        new(Options.Create(options ?? new VoiceOptions()), counters ?? new VoiceCounters(), NullLogger<EspeakSynthesizer>.Instance);

    /// <summary>Real speech from espeak-ng at 16 kHz, as the gateway sends it.</summary>
    public static async Task<short[]> SpeechAt16kAsync(string text)
    {
        var audio = await Espeak().SynthesizeAsync(text, CancellationToken.None);
        return PolyphaseResampler.Convert(audio.Samples, audio.SampleRate, 16000);
    }
}
