using System.Diagnostics;
using Ambient.Language.Model;

namespace Ambient.Language.Eval;

/// <summary>The measurements, each on the same held-out examples.</summary>
internal static class Evaluation
{
    private static readonly double[] MaskedShares = [0.3, 0.5, 0.8, 0.9, 0.99];

    public static EvalReport Run(EvalOptions o, List<HeldOutExample> examples, TextWriter log)
    {
        var options = new ModelOptions
        {
            ModelDirectory = o.ModelDirectory,
            File = o.Fp32 ? ModelFile.FullPrecision : ModelFile.Quantized,
            Temperature = o.Temperature,
            TopP = o.TopP,
            MaxAttempts = o.Attempts,
            Backtracks = o.Backtracks,
            RecentPenalty = o.RecentPenalty,
            Seed = o.Seed,
        };
        using var generator = ModelGreetingGenerator.Load(options, new TemplateGenerator());
        var random = new Random(o.Seed);

        // 1. One raw constrained sample per example: slot errors before the validator.
        var raw = default(SlotErrors);
        var rawValid = 0;
        var backtracks = 0;
        var shown = 0;
        var masked = new List<double>();
        var accepted = new List<(double MeanLogProb, string Text)>();
        var resumed = 0;
        var shownResumed = 0;
        foreach (var e in examples)
        {
            var sample = generator.Sample(e.Sheet, random);
            raw += SlotErrors.Count(sample.DelexText, e.Sheet);
            backtracks += sample.Backtracks;
            var valid = TextValidator.IsValid(sample.DelexText, e.Sheet) && sample.Stop == DecodeStop.EndOfText && generator.Unlikely(sample) is null
                && generator.Forced(sample) is null;
            rawValid += valid ? 1 : 0;
            masked.Add(sample.MostMasked);
            if (valid)
            {
                accepted.Add((sample.MeanLogProb, sample.DelexText));
            }

            resumed += sample.Resumed > 0 ? 1 : 0;
            if (valid && sample.Resumed > 0 && o.ShowRejected > shownResumed)
            {
                shownResumed++;
                log.WriteLine($"accepted after a resumed early end: {sample.DelexText}");
            }

            if (!valid && o.ShowRejected > shown)
            {
                shown++;
                log.WriteLine($"rejected: {e.Sheet.Device} {e.Sheet.Intent} {string.Join(' ', e.Sheet.PlantMoods)}\n  {sample.DelexText}\n  {string.Join("; ", TextValidator.Validate(sample.DelexText, e.Sheet).Append(generator.Unlikely(sample) ?? "").Append(generator.Forced(sample) ?? ""))}");
            }
        }

        foreach (var (mean, text) in accepted.OrderBy(a => a.MeanLogProb).Take(o.ShowRejected))
        {
            log.WriteLine($"accepted, mean log-probability {mean:F2}: {text}");
        }

        log.WriteLine($"raw samples: {examples.Count}; resumed after an early end with a plant unnamed: {resumed}; most probability the constraints took at one token, samples at or above: "
            + string.Join(", ", MaskedShares.Select(t => $"{t:P0} {masked.Count(m => m >= t)}")));

        // 2. The generator as the gateway runs it: coverage, fallback, latency, why samples were rejected.
        var madeBy = new Dictionary<MadeBy, int>();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var latencies = new List<double>();
        long required = 0, covered = 0;
        foreach (var e in examples)
        {
            var result = generator.Generate(e.Facts, random);
            madeBy[result.MadeBy] = madeBy.GetValueOrDefault(result.MadeBy) + 1;
            latencies.Add(result.Milliseconds);
            foreach (var p in result.Problems)
            {
                var kind = Problems.KindOf(p.StartsWith("sample ", StringComparison.Ordinal) ? p[(p.IndexOf(':', StringComparison.Ordinal) + 2)..] : p);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }

            foreach (var slot in e.Sheet.RequiredSlots)
            {
                required++;
                covered += result.Text.Contains(e.Sheet.SlotValues[slot], StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
        }

        log.WriteLine($"greetings: {examples.Count}");

        // 3. Diversity: distinct-2 of many samples for the same facts, averaged over a few facts.
        // The teacher's own distinct-2 on the same facts is the ceiling an imitating model can be expected to reach.
        var distinct = new List<double>();
        var teacherDistinct = new List<double>();
        var memoryDistinct = new List<double>();
        int memoryFallbacks = 0, memoryTexts = 0;
        var memoryKinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in examples.Take(o.SameFacts))
        {
            var texts = Enumerable.Range(0, o.Samples).Select(_ => generator.Generate(e.Facts, random).Text).ToList();
            distinct.Add(Distinct2(texts));

            var teacher = Enumerable.Range(0, o.Samples).Select(_ => SlotFiller.Fill(TeacherGrammar.Sample(e.Sheet, random), e.Sheet)).ToList();
            teacherDistinct.Add(Distinct2(teacher));

            if (o.Memory > 0)
            {
                // Day after day with the same facts: each text sees the ones before it, newest first, as the gateway's
                // memory passes them (RecentOpenings, RecentPhrasing).
                var days = new List<string>();
                for (var i = 0; i < o.Samples; i++)
                {
                    var recent = days.AsEnumerable().Reverse().Take(o.Memory).ToList();
                    var made = generator.Generate(e.Facts with { RecentTexts = recent }, random);
                    days.Add(made.Text);
                    memoryFallbacks += made.MadeBy == MadeBy.Template ? 1 : 0;
                    foreach (var p in made.Problems.Where(p => p.StartsWith("sample ", StringComparison.Ordinal)))
                    {
                        var kind = Problems.KindOf(p[(p.IndexOf(':', StringComparison.Ordinal) + 2)..]);
                        memoryKinds[kind] = memoryKinds.GetValueOrDefault(kind) + 1;
                    }

                    memoryTexts++;
                }

                memoryDistinct.Add(Distinct2(days));
            }
        }

        log.WriteLine($"distinct-2: {o.SameFacts} facts × {o.Samples} samples"
            + (o.Memory > 0 ? $"; one after another, rejected: {string.Join(", ", memoryKinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"))}" : ""));

        // 4. Teacher-forced val loss of both graphs on the held-out texts.
        var tokenizer = generator.Decoder.Tokenizer;
        var context = generator.Decoder.Model.ContextLength;
        var corpus = examples.Select(e => (e.Prompt, e.Text)).ToList();
        var fp32Path = Path.Combine(o.ModelDirectory, "model.fp32.onnx");
        var int8Path = Path.Combine(o.ModelDirectory, "model.int8.onnx");
        double lossFp32, lossInt8;
        long tokens;
        using (var fp32 = OnnxLanguageModel.Load(fp32Path, context, vocabSizeHint: tokenizer.VocabSize))
        {
            (lossFp32, tokens, _, _) = TeacherForcedLoss.Measure(fp32, tokenizer, corpus);
        }

        using (var int8 = OnnxLanguageModel.Load(int8Path, context, vocabSizeHint: tokenizer.VocabSize))
        {
            (lossInt8, _, _, _) = TeacherForcedLoss.Measure(int8, tokenizer, corpus);
        }

        latencies.Sort();
        var n = (double)examples.Count;
        return new EvalReport
        {
            ModelFile = options.ModelFileName,
            Examples = examples.Count,
            RawSlotErrors = raw,
            RawValidRate = rawValid / n,
            RawBacktracks = backtracks / n,
            RawResumed = resumed / n,
            Coverage = required == 0 ? 1 : (double)covered / required,
            ModelRate = madeBy.GetValueOrDefault(MadeBy.Model) / n,
            ResampledRate = madeBy.GetValueOrDefault(MadeBy.ModelResampled) / n,
            FallbackRate = madeBy.GetValueOrDefault(MadeBy.Template) / n,
            ProblemKinds = [.. kinds.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value))],
            Distinct2 = distinct.Count == 0 ? 0 : distinct.Average(),
            TeacherDistinct2 = teacherDistinct.Count == 0 ? 0 : teacherDistinct.Average(),
            Distinct2Samples = o.Samples,
            MemoryDistinct2 = memoryDistinct.Count == 0 ? null : memoryDistinct.Average(),
            MemoryFallbackRate = memoryTexts == 0 ? null : (double)memoryFallbacks / memoryTexts,
            Memory = o.Memory,
            GreetingMedianMs = Percentile(latencies, 0.5),
            GreetingP90Ms = Percentile(latencies, 0.9),
            ValLossFp32 = lossFp32,
            ValLossInt8 = lossInt8,
            ValTokens = tokens,
            SizeFp32Bytes = new FileInfo(fp32Path).Length,
            SizeInt8Bytes = new FileInfo(int8Path).Length,
        };
    }

    /// <summary>Distinct word bigrams over all bigrams of the texts; see <see cref="Diversity.Distinct2"/>.</summary>
    public static double Distinct2(IReadOnlyList<string> texts) => Diversity.Distinct2(texts);

    public static double Percentile(List<double> sorted, double p)
    {
        Debug.Assert(sorted.Count > 0, "no values");
        var rank = p * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }
}
