namespace Ambient.Firmware.Core.Tests.Audio;

/// <summary>Synthetic 16 kHz microphone and speaker signals for the audio tests.</summary>
internal static class Synth
{
    public const int SampleRate = 16_000;

    public static int Samples(double seconds) => (int)Math.Round(seconds * SampleRate);

    public static double[] Silence(double seconds) => new double[Samples(seconds)];

    public static double[] Sine(double frequency, double amplitude, double seconds)
    {
        var x = new double[Samples(seconds)];
        for (var n = 0; n < x.Length; n++)
        {
            x[n] = amplitude * Math.Sin(2 * Math.PI * frequency * n / SampleRate);
        }

        return x;
    }

    public static double[] WhiteNoise(double amplitude, double seconds, int seed)
    {
        var random = new Random(seed);
        var x = new double[Samples(seconds)];
        for (var n = 0; n < x.Length; n++)
        {
            x[n] = amplitude * ((2 * random.NextDouble()) - 1);
        }

        return x;
    }

    /// <summary>
    /// One voiced syllable: a fundamental of <paramref name="f0"/> Hz with harmonics up to 4 kHz, each as loud as
    /// the formant peaks near it (<paramref name="vowel"/>: F1–F3 in Hz, then their levels in dB), 25 ms attack,
    /// 60 ms release, scaled to a peak of <paramref name="peak"/>.
    /// </summary>
    public static double[] Syllable(double seconds, double f0, double[] vowel, double peak)
    {
        var x = new double[Samples(seconds)];
        var attack = Samples(0.025);
        var release = Samples(0.060);
        for (var n = 0; n < x.Length; n++)
        {
            var t = (double)n / SampleRate;
            double v = 0;
            for (var h = 1; h * f0 < 4000; h++)
            {
                var f = h * f0;
                double gain = 0;
                for (var k = 0; k < 3; k++)
                {
                    gain += Math.Pow(10, vowel[3 + k] / 20) / (1 + Math.Pow((f - vowel[k]) / 100, 2));
                }

                v += gain * Math.Sin((2 * Math.PI * f * t) + h);
            }

            var envelope = Math.Min(1, Math.Min((double)n / attack, (double)(x.Length - n) / release));
            x[n] = envelope * v;
        }

        var max = x.Max(Math.Abs);
        return x.Select(v => v * peak / max).ToArray();
    }

    /// <summary>
    /// Vowels to cycle through: formant frequencies F1–F3 (Hz) and the levels of the formant peaks (dB), men's
    /// averages from G. E. Peterson, H. L. Barney, "Control methods used in a study of the vowels", JASA 24(2),
    /// 1952, Table II.
    /// </summary>
    public static readonly double[][] Vowels =
    [
        [730, 1090, 2440, -1, -5, -28], // "father"
        [270, 2290, 3010, -4, -24, -28], // "beet"
        [530, 1840, 2480, -3, -17, -24], // "bet"
        [570, 840, 2410, 0, -7, -34], // "bought"
        [300, 870, 2240, -3, -19, -43], // "boot"
    ];

    public static double[] Concat(params double[][] parts) => parts.SelectMany(p => p).ToArray();

    public static double[] Mix(double[] a, double[] b)
    {
        var x = new double[Math.Max(a.Length, b.Length)];
        for (var n = 0; n < x.Length; n++)
        {
            x[n] = (n < a.Length ? a[n] : 0) + (n < b.Length ? b[n] : 0);
        }

        return x;
    }

    public static byte[] ToPcm(double[] x)
    {
        var bytes = new byte[x.Length * 2];
        for (var n = 0; n < x.Length; n++)
        {
            var s = (short)Math.Clamp(Math.Round(x[n]), short.MinValue, short.MaxValue);
            bytes[2 * n] = (byte)s;
            bytes[(2 * n) + 1] = (byte)(s >> 8);
        }

        return bytes;
    }

    public static short[] ToSamples(byte[] pcm, int offset, int count)
    {
        var x = new short[count];
        for (var n = 0; n < count; n++)
        {
            x[n] = (short)(pcm[offset + (2 * n)] | (pcm[offset + (2 * n) + 1] << 8));
        }

        return x;
    }
}
