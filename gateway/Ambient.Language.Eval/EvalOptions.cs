using System.Globalization;

namespace Ambient.Language.Eval;

/// <summary>Command line of the eval; defaults sized for a couple of minutes on one core.</summary>
internal sealed record EvalOptions
{
    public const string Usage = """
        usage: Ambient.Language.Eval --model DIR [--holdout FILE] [--count 200] [--seed 2026] [--samples 50] [--same-facts 5]
                                     [--temperature 1.0] [--top-p 0.95] [--attempts 5] [--backtracks 8] [--memory 3] [--recent-penalty 1.5] [--fp32]
                                     [--write-manifest] [--show-rejected N]
          --model DIR        tokenizer.json, model.int8.onnx, model.fp32.onnx, manifest.json
          --holdout FILE     the teacher's --holdout JSONL (facts, prompt, text); without it, held-out facts are drawn
                             here (RandomFacts filtered by Holdout.IsHeldOut) with teacher texts
          --count N          held-out examples to use
          --samples N        samples per facts for distinct-2, over --same-facts different facts
          --backtracks N     tokens the plant-mood guide may take back per sample (0: no guide)
          --memory N         also measure distinct-2 as the gateway writes day after day: each of the --samples texts
                             gets the N before it as the person's recent texts (the gateway passes 3; 0: skip)
          --recent-penalty X logit taken from a word that followed the same token in a recent text (ModelOptions.RecentPenalty)
          --fp32             generate with model.fp32.onnx instead of model.int8.onnx
          --write-manifest   add the results under "metrics"."ort" in DIR/manifest.json
          --show-rejected N  print the first N raw samples the validator rejects, with its reasons
        """;

    public required string ModelDirectory { get; init; }

    public string? HoldoutFile { get; init; }

    public int Count { get; init; } = 200;

    public int Seed { get; init; } = 2026;

    public int Samples { get; init; } = 50;

    public int SameFacts { get; init; } = 5;

    public float Temperature { get; init; } = 1.0f;

    public float TopP { get; init; } = 0.95f;

    public int Attempts { get; init; } = 5;

    public int Backtracks { get; init; } = 8;

    public int Memory { get; init; } = 3;

    public float RecentPenalty { get; init; } = new Model.ModelOptions().RecentPenalty;

    public bool Fp32 { get; init; }

    public bool WriteManifest { get; init; }

    public int ShowRejected { get; init; }

    public static EvalOptions? Parse(IReadOnlyList<string> args)
    {
        string? model = null, holdout = null;
        int count = 200, seed = 2026, samples = 50, sameFacts = 5, attempts = 5, backtracks = 8, memory = 3, showRejected = 0;
        float temperature = 1.0f, topP = 0.95f, recentPenalty = new Model.ModelOptions().RecentPenalty;
        bool fp32 = false, write = false;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            var ok = args[i] switch
            {
                "--model" => Take(value, out model),
                "--holdout" => Take(value, out holdout),
                "--count" => Int(value, out count),
                "--seed" => Int(value, out seed),
                "--samples" => Int(value, out samples),
                "--same-facts" => Int(value, out sameFacts),
                "--attempts" => Int(value, out attempts),
                "--backtracks" => NonNegative(value, out backtracks),
                "--memory" => NonNegative(value, out memory),
                "--show-rejected" => Int(value, out showRejected),
                "--temperature" => Float(value, out temperature),
                "--top-p" => Float(value, out topP),
                "--recent-penalty" => Float(value, out recentPenalty),
                "--fp32" => Flag(ref fp32, ref i),
                "--write-manifest" => Flag(ref write, ref i),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }

            i++;
        }

        return model is null
            ? null
            : new EvalOptions
            {
                ModelDirectory = model,
                HoldoutFile = holdout,
                Count = count,
                Seed = seed,
                Samples = samples,
                SameFacts = sameFacts,
                Attempts = attempts,
                Backtracks = backtracks,
                Memory = memory,
                RecentPenalty = recentPenalty,
                Temperature = temperature,
                TopP = topP,
                Fp32 = fp32,
                WriteManifest = write,
                ShowRejected = showRejected,
            };
    }

    private static bool Flag(ref bool flag, ref int i)
    {
        flag = true;
        i--;
        return true;
    }

    private static bool Take(string? value, out string? result)
    {
        result = value;
        return value is not null;
    }

    private static bool Int(string? value, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result > 0;

    private static bool NonNegative(string? value, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);

    private static bool Float(string? value, out float result) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && float.IsFinite(result);
}
