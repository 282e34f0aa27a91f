using System.Globalization;

namespace Ambient.Language.Eval;

/// <summary>The report as a table with the project's goals beside each number.</summary>
internal static class EvalTable
{
    public static void Print(EvalReport r, TextWriter w)
    {
        var rows = new List<(string Metric, string Value, string Goal, bool? Met)>
        {
            ("raw slot error rate (before validator)", Pct(r.RawSlotErrors.Rate, 2) + $"  (+{r.RawSlotErrors.Added} −{r.RawSlotErrors.Missing} ×{r.RawSlotErrors.Repeated} / {r.RawSlotErrors.RequiredSlots})", "≤ 1%", r.RawSlotErrors.Rate <= 0.01),
            ("raw samples passing the validator", Pct(r.RawValidRate, 1), "", null),
            ("plant-mood guide: tokens taken back per raw sample", F(r.RawBacktracks, 2), "", null),
            ("raw samples resumed after an early end (plant unnamed)", Pct(r.RawResumed, 1), "", null),
            ("required-fact coverage (final text)", Pct(r.Coverage, 2), "100%", r.Coverage >= 1.0),
            ("model first sample / resampled", $"{Pct(r.ModelRate, 1)} / {Pct(r.ResampledRate, 1)}", "", null),
            ("template fallback rate", Pct(r.FallbackRate, 1), "≤ 2%", r.FallbackRate <= 0.02),
            ($"distinct-2 ({r.Distinct2Samples} samples, same facts)", F(r.Distinct2, 3), "≥ 0.4", r.Distinct2 >= 0.4),
            ("  the teacher's, same facts and count", F(r.TeacherDistinct2, 3), "", null),
        };
        if (r.MemoryDistinct2 is { } withMemory)
        {
            rows.Add(($"  one after another, each seeing the {r.Memory} before it (fallback {Pct(r.MemoryFallbackRate ?? 0, 1)})", F(withMemory, 3), "", null));
        }

        rows.AddRange(
        [
            ("greeting ms median / p90 (" + r.ModelFile + ")", $"{F(r.GreetingMedianMs, 1)} / {F(r.GreetingP90Ms, 1)}", "median ≤ 30", r.GreetingMedianMs <= 30),
            ($"ORT val loss fp32 / int8 ({r.ValTokens} tokens)", $"{F(r.ValLossFp32, 4)} / {F(r.ValLossInt8, 4)}", "", null),
            ("int8 val loss vs fp32", (r.Int8LossDeltaPercent >= 0 ? "+" : "") + F(r.Int8LossDeltaPercent, 2) + "%", "within 3%", Math.Abs(r.Int8LossDeltaPercent) <= 3),
            ("size fp32 / int8", $"{Mb(r.SizeFp32Bytes)} / {Mb(r.SizeInt8Bytes)}", "int8 ≤ 8 MB", r.SizeInt8Bytes <= 8_000_000),
            ("size ratio fp32 / int8", F(r.SizeRatio, 2) + "×", "≥ 3.5×", r.SizeRatio >= 3.5),
        ]);
        var a = rows.Max(x => x.Metric.Length);
        var b = rows.Max(x => x.Value.Length);
        var c = rows.Max(x => x.Goal.Length);
        w.WriteLine();
        w.WriteLine($"{"metric".PadRight(a)} | {"value".PadRight(b)} | {"goal".PadRight(c)} | met");
        w.WriteLine($"{new string('-', a)}-|-{new string('-', b)}-|-{new string('-', c)}-|----");
        foreach (var (metric, value, goal, met) in rows)
        {
            w.WriteLine($"{metric.PadRight(a)} | {value.PadRight(b)} | {goal.PadRight(c)} | {(met is null ? "" : met.Value ? "yes" : "NO")}");
        }

        w.WriteLine();
        w.WriteLine("rejected-sample problems: " + (r.ProblemKinds.Count == 0 ? "none" : string.Join(", ", r.ProblemKinds.Select(k => $"{k.Kind} {k.Count}"))));
    }

    private static string Pct(double v, int digits) => (v * 100).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    private static string F(double v, int digits) => v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " MB";
}
