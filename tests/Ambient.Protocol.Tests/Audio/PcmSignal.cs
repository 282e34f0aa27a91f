namespace Ambient.Protocol.Tests.Audio;

/// <summary>Synthetic 16 kHz test signals and the measurements the codec tests make on them.</summary>
internal static class PcmSignal
{
    public const int SampleRate = 16_000;

    public static short[] Sine(double frequency, double amplitude, int samples)
    {
        var x = new short[samples];
        for (var n = 0; n < samples; n++)
        {
            x[n] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * n / SampleRate));
        }

        return x;
    }

    /// <summary>
    /// Vowel-like syllables: a 120 Hz fundamental with harmonics shaped by three formant peaks (which move from
    /// syllable to syllable), under a 200 ms raised-cosine envelope, separated by 80 ms of near silence.
    /// </summary>
    public static short[] SpeechLike(int samples, int seed = 7)
    {
        var random = new Random(seed);
        var x = new short[samples];
        var syllable = (int)(0.200 * SampleRate);
        var gap = (int)(0.080 * SampleRate);
        double[][] vowels = [[700, 1200, 2500], [300, 2300, 3000], [500, 900, 2400], [400, 1900, 2600]];
        for (int start = 0, k = 0; start < samples; start += syllable + gap, k++)
        {
            var formants = vowels[k % vowels.Length];
            var f0 = 110 + (20 * random.NextDouble());
            for (var n = 0; n < syllable && start + n < samples; n++)
            {
                var t = (double)n / SampleRate;
                var envelope = 0.5 * (1 - Math.Cos(2 * Math.PI * n / syllable));
                double v = 0;
                for (var h = 1; h * f0 < 4000; h++)
                {
                    var f = h * f0;
                    double gain = 0;
                    foreach (var formant in formants)
                    {
                        gain += 1 / (1 + Math.Pow((f - formant) / 120, 2));
                    }

                    v += gain / h * Math.Sin(2 * Math.PI * f * t);
                }

                x[start + n] = (short)Math.Clamp(9000 * envelope * v, short.MinValue, short.MaxValue);
            }
        }

        return x;
    }

    public static short[] WhiteNoise(double amplitude, int samples, int seed = 11)
    {
        var random = new Random(seed);
        var x = new short[samples];
        for (var n = 0; n < samples; n++)
        {
            x[n] = (short)Math.Round(amplitude * ((2 * random.NextDouble()) - 1));
        }

        return x;
    }

    public static byte[] ToBytes(short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var n = 0; n < samples.Length; n++)
        {
            bytes[2 * n] = (byte)samples[n];
            bytes[(2 * n) + 1] = (byte)(samples[n] >> 8);
        }

        return bytes;
    }

    public static short[] FromBytes(byte[] bytes, int offset, int samples)
    {
        var x = new short[samples];
        for (var n = 0; n < samples; n++)
        {
            x[n] = (short)(bytes[offset + (2 * n)] | (bytes[offset + (2 * n) + 1] << 8));
        }

        return x;
    }

    /// <summary>Signal-to-noise ratio in dB of <paramref name="decoded"/> against <paramref name="original"/>.</summary>
    public static double SnrDb(short[] original, short[] decoded)
    {
        double signal = 0, noise = 0;
        for (var n = 0; n < original.Length; n++)
        {
            signal += (double)original[n] * original[n];
            var e = (double)original[n] - decoded[n];
            noise += e * e;
        }

        return 10 * Math.Log10(signal / Math.Max(noise, 1e-9));
    }

    /// <summary>Encodes a whole stream from state (0, 0) and decodes it back.</summary>
    public static short[] RoundTrip(short[] samples)
    {
        var pcm = ToBytes(samples);
        var adpcm = new byte[Protocol.Audio.ImaAdpcm.EncodedByteCount(samples.Length)];
        new Protocol.Audio.ImaAdpcmEncoder().Encode(pcm, 0, samples.Length, adpcm, 0);
        var decoded = new byte[pcm.Length];
        new Protocol.Audio.ImaAdpcmDecoder().Decode(adpcm, 0, samples.Length, decoded, 0);
        return FromBytes(decoded, 0, samples.Length);
    }
}
