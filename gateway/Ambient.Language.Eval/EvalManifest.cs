using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ambient.Language.Eval;

/// <summary>Adds the eval's numbers to manifest.json under <c>metrics.ort</c>, leaving everything else as it was.</summary>
internal static class EvalManifest
{
    // Relaxed escaping keeps the rest of the manifest as Python wrote it ("+00:00", "—"), not \u002B.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, EvalReport r, EvalOptions o)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a JSON object");
        if (root["metrics"] is not JsonObject metrics)
        {
            metrics = [];
            root["metrics"] = metrics;
        }

        metrics["ort"] = new JsonObject
        {
            ["measured_utc"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            ["runtime"] = "Microsoft.ML.OnnxRuntime 1.31.1 (C#), 1 intra-op thread",
            ["holdout"] = o.HoldoutFile is null ? $"RandomFacts seed {o.Seed} filtered by Holdout.IsHeldOut" : Path.GetFileName(o.HoldoutFile),
            ["examples"] = r.Examples,
            ["generation_file"] = r.ModelFile,
            ["temperature"] = o.Temperature,
            ["top_p"] = o.TopP,
            ["max_attempts"] = o.Attempts,
            ["val_loss_fp32"] = Math.Round(r.ValLossFp32, 5),
            ["val_loss_int8"] = Math.Round(r.ValLossInt8, 5),
            ["val_tokens"] = r.ValTokens,
            ["int8_loss_delta_percent"] = Math.Round(r.Int8LossDeltaPercent, 3),
            ["raw_slot_error_rate"] = Math.Round(r.RawSlotErrors.Rate, 5),
            ["raw_valid_rate"] = Math.Round(r.RawValidRate, 5),
            ["guide_backtracks_per_sample"] = Math.Round(r.RawBacktracks, 3),
            ["resumed_rate"] = Math.Round(r.RawResumed, 4),
            ["max_masked_share"] = new Model.ModelOptions().MaxMaskedShare,
            ["coverage"] = Math.Round(r.Coverage, 5),
            ["fallback_rate"] = Math.Round(r.FallbackRate, 5),
            ["resampled_rate"] = Math.Round(r.ResampledRate, 5),
            ["distinct2"] = Math.Round(r.Distinct2, 4),
            ["distinct2_teacher"] = Math.Round(r.TeacherDistinct2, 4),
            ["distinct2_with_memory"] = r.MemoryDistinct2 is { } m ? Math.Round(m, 4) : null,
            ["memory_texts"] = r.Memory,
            ["memory_fallback_rate"] = r.MemoryFallbackRate is { } f ? Math.Round(f, 5) : null,
            ["recent_penalty"] = o.RecentPenalty,
            ["greeting_ms_median"] = Math.Round(r.GreetingMedianMs, 2),
            ["greeting_ms_p90"] = Math.Round(r.GreetingP90Ms, 2),
            ["size_fp32_bytes"] = r.SizeFp32Bytes,
            ["size_int8_bytes"] = r.SizeInt8Bytes,
            ["size_ratio"] = Math.Round(r.SizeRatio, 3),
        };
        File.WriteAllText(path, root.ToJsonString(Indented) + "\n");
    }
}
