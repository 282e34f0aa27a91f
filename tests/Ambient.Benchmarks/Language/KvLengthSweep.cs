using System.Globalization;
using Ambient.Language.Model;

namespace Ambient.Benchmarks.Language;

/// <summary>
/// The KV cache's gain as a function of how many tokens are generated after one real prompt: the same fixed token
/// fed one at a time to the cached model and to the recomputing one, CPU time of the whole decode, median of a few
/// repeats. Separates what the cache saves (recomputing the sequence, which grows with length) from what every step
/// pays either way (ONNX Runtime's per-run cost), which is why the ratio depends so much on the text's length.
/// </summary>
internal static class KvLengthSweep
{
    private const int Repeats = 7;

    public static void Print(OnnxLanguageModel cached, OnnxLanguageModel recomputed, int[] prompt, int token)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nKV cache vs recompute by generated length ({prompt.Length}-token prompt, cpu ms, median of {Repeats}):"));
        Console.WriteLine("  tokens   cached  recomputed   ratio");
        foreach (var length in new[] { 8, 16, 32, 64, 128 })
        {
            if (prompt.Length + length > cached.ContextLength)
            {
                break;
            }

            var withCache = Median(() => Decode(cached, prompt, token, length));
            var without = Median(() => Decode(recomputed, prompt, token, length));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {length,6} {withCache,8:F2} {without,11:F2} {without / withCache,7:F1}×"));
        }

        // One run's fixed cost against its cost per extra token: the cached step is mostly the former.
        var one = Median(() => Run(recomputed, prompt.AsSpan(0, 1)));
        var full = Median(() => Run(recomputed, prompt));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one run: {one:F3} ms for 1 token, {full:F3} ms for {prompt.Length} → {(full - one) / (prompt.Length - 1) * 1000:F0} µs per extra token"));
    }

    private static double Decode(OnnxLanguageModel model, int[] prompt, int token, int length)
    {
        var next = new[] { token };
        var cpu = Environment.CpuUsage.TotalTime;
        model.Reset();
        model.FeedLast(prompt);
        for (var i = 0; i < length; i++)
        {
            model.FeedLast(next);
        }

        return (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
    }

    private static double Run(OnnxLanguageModel model, ReadOnlySpan<int> tokens)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < 20; i++)
        {
            model.Reset();
            model.FeedLast(tokens);
        }

        return (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / 20;
    }

    private static double Median(Func<double> measure)
    {
        var values = new double[Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            values[i] = measure();
        }

        Array.Sort(values);
        return values[Repeats / 2];
    }
}
