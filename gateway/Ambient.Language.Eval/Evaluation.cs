using System.Diagnostics;
using Ambient.Language.Model;

namespace Ambient.Language.Eval;

/// <summary>The measurements, each on the same held-out examples.</summary>
internal static class Evaluation
{
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
            Seed = o.Seed,
        };
        using var generator = ModelGreetingGenerator.Load(options, new TemplateGenerator());
        var random = new Random(o.Seed);

        // 1. One raw constrained sample per example: slot errors before the validator.
        var raw = default(SlotErrors);
        var rawValid = 0;
        var backtracks = 0;
        var shown = 0;
        foreach (var e in examples)
        {
            var sample = generator.Sample(e.Sheet, random);
            raw += SlotErrors.Count(sample.DelexText, e.Sheet);
            backtracks += sample.Backtracks;
            var valid = TextValidator.IsValid(sample.DelexText, e.Sheet) && sample.Stop == DecodeStop.EndOfText && generator.Unlikely(sample) is null;
            rawValid += valid ? 1 : 0;
            if (!valid && o.ShowRejected > shown)
            {
                shown++;
                log.WriteLine($"rejected: {e.Sheet.Device} {e.Sheet.Intent} {string.Join(' ', e.Sheet.PlantMoods)}\n  {sample.DelexText}\n  {string.Join("; ", TextValidator.Validate(sample.DelexText, e.Sheet).Append(generator.Unlikely(sample) ?? ""))}");
            }
        }

        log.WriteLine($"raw samples: {examples.Count}");

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
        foreach (var e in examples.Take(o.SameFacts))
        {
            var texts = Enumerable.Range(0, o.Samples).Select(_ => generator.Generate(e.Facts, random).Text).ToList();
            distinct.Add(Distinct2(texts));

            var teacher = Enumerable.Range(0, o.Samples).Select(_ => SlotFiller.Fill(TeacherGrammar.Sample(e.Sheet, random), e.Sheet)).ToList();
            teacherDistinct.Add(Distinct2(teacher));
        }

        log.WriteLine($"distinct-2: {o.SameFacts} facts × {o.Samples} samples");

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
            Coverage = required == 0 ? 1 : (double)covered / required,
            ModelRate = madeBy.GetValueOrDefault(MadeBy.Model) / n,
            ResampledRate = madeBy.GetValueOrDefault(MadeBy.ModelResampled) / n,
            FallbackRate = madeBy.GetValueOrDefault(MadeBy.Template) / n,
            ProblemKinds = [.. kinds.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value))],
            Distinct2 = distinct.Count == 0 ? 0 : distinct.Average(),
            TeacherDistinct2 = teacherDistinct.Count == 0 ? 0 : teacherDistinct.Average(),
            Distinct2Samples = o.Samples,
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
