using System.Diagnostics;
using System.Globalization;

namespace Ambient.Gateway.Tests.Voice.WakeWord;

/// <summary>
/// Test and bench audio the way gateway/model/wakeword/audio.py makes training audio: espeak-ng at 22,050 Hz,
/// resampled to 16 kHz by the same 63-tap Hamming-windowed sinc low-pass (7.4 kHz) and linear interpolation; noise
/// (white, pink, babble), a room-like reverb and mixing. Floats in −1 … 1; <see cref="ToPcm16"/> makes what the earbud
/// sends. Also compiled into tests/Ambient.Benchmarks (linked file).
/// </summary>
internal static class SyntheticSpeech
{
    public const int SampleRate = 16_000;
    private const int EspeakRate = 22_050;
    private static readonly double[] LowPass = Kernel(7_400.0 / EspeakRate, 63);

    /// <summary>espeak-ng VOICE[+VARIANT] at RATE words per minute and PITCH 0–99, leading/trailing silence trimmed.</summary>
    public static float[] Render(string text, string voice, int rate, int pitch, int amplitude = 100)
    {
        var start = new ProcessStartInfo("espeak-ng")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-v", voice, "-s", rate.ToString(CultureInfo.InvariantCulture), "-p", pitch.ToString(CultureInfo.InvariantCulture), "-a", amplitude.ToString(CultureInfo.InvariantCulture), "--stdout", text })
        {
            start.ArgumentList.Add(a);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"espeak-ng could not be started ({e.Message}); install it with: apt-get install espeak-ng", e);
        }

        using var process = started ?? throw new InvalidOperationException("espeak-ng did not start");
        using var buffer = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"espeak-ng -v {voice} failed ({process.ExitCode}): {errors.Result}");
        }

        // --stdout writes a 44-byte RIFF header whose lengths are not filled in (it streams); the rest is 16-bit PCM.
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var n = Math.Max(0, (bytes.Length - 44) / 2);
        var raw = new double[n];
        for (var i = 0; i < n; i++)
        {
            raw[i] = BitConverter.ToInt16(bytes.Slice(44 + (2 * i), 2)) / 32768.0;
        }

        return Trim(Resample(raw));
    }

    public static float[] Resample(double[] x)
    {
        var half = LowPass.Length / 2;
        var filtered = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < LowPass.Length; k++)
            {
                var j = i + half - k;
                if (j >= 0 && j < x.Length)
                {
                    sum += LowPass[k] * x[j];
                }
            }

            filtered[i] = sum;
        }

        var nOut = (int)((long)x.Length * SampleRate / EspeakRate);
        var y = new float[nOut];
        for (var i = 0; i < nOut; i++)
        {
            var t = i * (double)EspeakRate / SampleRate;
            var j = (int)t;
            var f = t - j;
            y[i] = (float)(j + 1 < filtered.Length ? (filtered[j] * (1 - f)) + (filtered[j + 1] * f) : filtered[^1]);
        }

        return y;
    }

    /// <summary>Cuts leading and trailing samples below −35 dB of the peak, keeping 50 ms either side.</summary>
    public static float[] Trim(float[] x, int pad = 800)
    {
        var peak = 0f;
        foreach (var v in x)
        {
            peak = Math.Max(peak, Math.Abs(v));
        }

        var threshold = peak * MathF.Pow(10, -35f / 20);
        var first = Array.FindIndex(x, v => Math.Abs(v) > threshold);
        var last = Array.FindLastIndex(x, v => Math.Abs(v) > threshold);
        if (first < 0)
        {
            return [];
        }

        var a = Math.Max(0, first - pad);
        var b = Math.Min(x.Length, last + 1 + pad);
        return x[a..b];
    }

    public static float Rms(ReadOnlySpan<float> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * (double)v;
        }

        return (float)Math.Sqrt(sum / Math.Max(1, x.Length)) + 1e-9f;
    }

    public static float[] White(int n, Random rng)
    {
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = Gaussian(rng);
        }

        return y;
    }

    /// <summary>Pink noise (Paul Kellett's economy filter of white noise), unit RMS.</summary>
    public static float[] Pink(int n, Random rng)
    {
        var y = new float[n];
        double b0 = 0, b1 = 0, b2 = 0;
        for (var i = 0; i < n; i++)
        {
            double w = Gaussian(rng);
            b0 = (0.99765 * b0) + (w * 0.0990460);
            b1 = (0.96300 * b1) + (w * 0.2965164);
            b2 = (0.57000 * b2) + (w * 1.0526913);
            y[i] = (float)(b0 + b1 + b2 + (w * 0.1848));
        }

        return Scale(y, 1f / Rms(y));
    }

    /// <summary>Several clips on top of each other (each at unit RMS), tiled to length n, unit RMS.</summary>
    public static float[] Babble(int n, Random rng, IReadOnlyList<float[]> pool, int talkers)
    {
        var y = new float[n];
        for (var t = 0; t < talkers; t++)
        {
            var clip = pool[rng.Next(pool.Count)];
            var gain = 1f / Rms(clip);
            var offset = rng.Next(clip.Length);
            for (var i = 0; i < n; i++)
            {
                y[i] += clip[(offset + i) % clip.Length] * gain;
            }
        }

        return Scale(y, 1f / Rms(y));
    }

    /// <summary>Direct path plus exponentially decaying noise (RT60 in seconds), unit energy; tail capped at 0.6 s.</summary>
    public static float[] RoomImpulse(Random rng, double rt60)
    {
        var n = (int)(Math.Min(rt60, 0.6) * SampleRate);
        var delay = (int)((0.002 + (rng.NextDouble() * 0.018)) * SampleRate);
        var ir = new float[n + delay];
        ir[0] = 1f;
        var tail = 0.1 + (rng.NextDouble() * 0.4);
        for (var i = 0; i < n; i++)
        {
            ir[delay + i] += (float)(Gaussian(rng) * Math.Exp(-6.9 * i / SampleRate / rt60) * tail);
        }

        return Scale(ir, 1f / (Rms(ir) * MathF.Sqrt(ir.Length)));
    }

    /// <summary>Direct convolution, same length as x, vectorised over the output (IRs here are at most 0.62 s).</summary>
    public static float[] Reverb(float[] x, float[] ir)
    {
        var y = new float[x.Length];
        var width = System.Numerics.Vector<float>.Count;
        for (var k = 0; k < ir.Length && k < x.Length; k++)
        {
            var h = ir[k];
            if (h == 0f)
            {
                continue;
            }

            var hv = new System.Numerics.Vector<float>(h);
            var i = k;
            for (; i + width <= x.Length; i += width)
            {
                var acc = new System.Numerics.Vector<float>(y, i) + (hv * new System.Numerics.Vector<float>(x, i - k));
                acc.CopyTo(y, i);
            }

            for (; i < x.Length; i++)
            {
                y[i] += h * x[i - k];
            }
        }

        return y;
    }

    public static float[] Scale(float[] x, float gain)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= gain;
        }

        return x;
    }

    public static short[] ToPcm16(ReadOnlySpan<float> x)
    {
        var y = new short[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = (short)Math.Clamp(Math.Round(x[i] * 32767.0), short.MinValue, short.MaxValue);
        }

        return y;
    }

    private static float Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    private static double[] Kernel(double fc, int taps)
    {
        var h = new double[taps];
        var sum = 0.0;
        for (var i = 0; i < taps; i++)
        {
            var n = i - ((taps - 1) / 2.0);
            var sinc = n == 0 ? 1.0 : Math.Sin(2 * Math.PI * fc * n) / (2 * Math.PI * fc * n);
            var hamming = 0.54 - (0.46 * Math.Cos(2 * Math.PI * i / (taps - 1)));
            h[i] = 2 * fc * sinc * hamming;
            sum += h[i];
        }

        for (var i = 0; i < taps; i++)
        {
            h[i] /= sum;
        }

        return h;
    }
}
