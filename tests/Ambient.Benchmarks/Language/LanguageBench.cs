using System.Diagnostics;
using System.Globalization;
using Ambient.Language;
using Ambient.Language.Model;

namespace Ambient.Benchmarks.Language;

/// <summary>
/// <c>dotnet run -c Release --project tests/Ambient.Benchmarks -- language [--model DIR]</c>: milliseconds per greeting
/// on one core (IntraOpNumThreads = 1), with the KV cache and without it, on the same facts, seeds and token
/// sequences in the same run.
/// <list type="number">
/// <item>Cached: prompt in one run, then one run per token against the cache; constraints and sampling included.
/// The tokens it drew are recorded.</item>
/// <item>Uncached: the same prompt and the same recorded tokens, every step recomputing the whole sequence (same
/// constraints and sampling work per step, whose draw is ignored), so both do exactly the same number of steps.</item>
/// <item>End to end: <see cref="ModelGreetingGenerator.Generate(Facts, CancellationToken)"/> with validation,
/// resampling and template fallback, as the gateway runs it.</item>
/// </list>
/// </summary>
internal static class LanguageBench
{
    public static int Run(string[] args)
    {
        var o = LanguageBenchOptions.Parse(args);
        if (o is null)
        {
            Console.Error.WriteLine(LanguageBenchOptions.Usage);
            return 2;
        }

        var options = new ModelOptions
        {
            ModelDirectory = o.ModelDirectory,
            File = o.Fp32 ? ModelFile.FullPrecision : ModelFile.Quantized,
            Seed = o.Seed,
        };
        if (!File.Exists(options.ModelPath) || !File.Exists(options.TokenizerPath))
        {
            Console.Error.WriteLine($"no {options.ModelFileName} and tokenizer.json in {o.ModelDirectory}");
            Console.Error.WriteLine(LanguageBenchOptions.Usage);
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"language bench: {options.ModelPath}, {o.Count} greetings after {o.Warmup} warm-up, temperature {options.Temperature}, top-p {options.TopP}, 1 intra-op thread; {Environment.ProcessorCount} CPUs; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        using var generator = ModelGreetingGenerator.Load(options, new TemplateGenerator());
        using var uncached = ModelGreetingGenerator.Load(options, new TemplateGenerator(), sheetOptions: null, noCache: true);
        var tokenizer = generator.Decoder.Tokenizer;
        var settings = new SamplingSettings(options.Temperature, options.TopP, options.MaxNewTokens, options.Backtracks);
        var facts = new List<Facts>();
        var random = new Random(o.Seed);
        for (var i = 0; i < o.Warmup + o.Count; i++)
        {
            facts.Add(RandomFacts.Next(random));
        }

        // Wall time, and the process's CPU time over the same span: with one intra-op thread ORT computes on the calling
        // thread, so CPU time is what the greeting costs a quiet core even when the machine is busy (shared CI boxes).
        var cachedMs = new List<double>();
        var uncachedMs = new List<double>();
        var cachedCpuMs = new List<double>();
        var uncachedCpuMs = new List<double>();
        var tokens = new List<int>();
        var replay = new List<int>();
        long totalTokens = 0, promptTokens = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            var sheet = FactSheets.From(facts[i]);
            var prompt = tokenizer.Encode(sheet.PromptTokens, string.Empty);
            var constraints = new DecodeConstraints(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots);
            var cpu = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            generator.Decoder.Decode(prompt, constraints, settings, new Random(o.Seed + i), tokens);
            var cached = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var cachedCpu = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
            cpu = Environment.CpuUsage.TotalTime;
            start = Stopwatch.GetTimestamp();
            Replay(uncached.Decoder, prompt, tokens, constraints, settings, new Random(o.Seed + i), replay);
            var recomputed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var recomputedCpu = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
            if (i >= o.Warmup)
            {
                cachedMs.Add(cached);
                uncachedMs.Add(recomputed);
                cachedCpuMs.Add(cachedCpu);
                uncachedCpuMs.Add(recomputedCpu);
                totalTokens += tokens.Count;
                promptTokens += prompt.Length;
            }
        }

        var endToEnd = new List<double>();
        var endToEndCpu = new List<double>();
        var madeBy = new Dictionary<MadeBy, int>();
        for (var i = 0; i < facts.Count; i++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var result = generator.Generate(facts[i]);
            var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
            if (i >= o.Warmup)
            {
                endToEnd.Add(result.Milliseconds);
                endToEndCpu.Add(cpuMs);
                madeBy[result.MadeBy] = madeBy.GetValueOrDefault(result.MadeBy) + 1;
            }
        }

        foreach (var list in new[] { cachedMs, uncachedMs, cachedCpuMs, uncachedCpuMs, endToEnd, endToEndCpu })
        {
            list.Sort();
        }

        var meanTokens = (double)totalTokens / o.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            one sample ({(double)promptTokens / o.Count:F1} prompt + {meanTokens:F1} text tokens on average), ms:
                               wall median      p90     mean |  cpu median      p90
              with KV cache  {Median(cachedMs),11:F2} {P(cachedMs, 0.9),8:F2} {cachedMs.Average(),8:F2} | {Median(cachedCpuMs),11:F2} {P(cachedCpuMs, 0.9),8:F2}
              without cache  {Median(uncachedMs),11:F2} {P(uncachedMs, 0.9),8:F2} {uncachedMs.Average(),8:F2} | {Median(uncachedCpuMs),11:F2} {P(uncachedCpuMs, 0.9),8:F2}
              ratio (median) {Median(uncachedMs) / Median(cachedMs),11:F1}×                   | {Median(uncachedCpuMs) / Median(cachedCpuMs),11:F1}×   goal ≥ 10×
              per token, cached: wall {cachedMs.Sum() / totalTokens:F3} ms, cpu {cachedCpuMs.Sum() / totalTokens:F3} ms

            greeting end to end (validate, resample, fallback), ms: wall median {Median(endToEnd):F2}, p90 {P(endToEnd, 0.9):F2}; cpu median {Median(endToEndCpu):F2}, p90 {P(endToEndCpu, 0.9):F2}   goal median ≤ 30
              made by: {string.Join(", ", madeBy.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"))}
            """));
        var sweepPrompt = tokenizer.Encode(FactSheets.From(facts[0]).PromptTokens, string.Empty);
        KvLengthSweep.Print(generator.Decoder.Model, uncached.Decoder.Model, sweepPrompt, tokenizer.EncodeText(" the")[0]);
        Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>The uncached decode of an already drawn token sequence: same steps and per-step work, fed the recorded tokens.</summary>
    private static void Replay(TextDecoder decoder, int[] prompt, List<int> tokens, DecodeConstraints constraints, SamplingSettings settings, Random random, List<int> drawn)
    {
        var sampler = new TokenSampler(decoder.Model.VocabSize);
        var scratch = new float[decoder.Model.VocabSize];
        constraints.Reset();
        drawn.Clear();
        decoder.Model.Reset();
        var logits = decoder.Model.FeedLast(prompt);
        var one = new int[1];
        foreach (var token in tokens)
        {
            logits.CopyTo(scratch);
            constraints.Apply(scratch);
            drawn.Add(sampler.Sample(scratch, settings.Temperature, settings.TopP, random));
            constraints.Accept(token);
            one[0] = token;
            logits = decoder.Model.FeedLast(one);
        }
    }

    private static double Median(List<double> sorted) => P(sorted, 0.5);

    private static double P(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }
}
