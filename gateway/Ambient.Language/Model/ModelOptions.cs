using System.Globalization;

namespace Ambient.Language.Model;

/// <summary>
/// The <c>Language:Model</c> settings. <see cref="Validate"/> names the key of every bad value; the gateway binds
/// these with <c>ValidateOnStart()</c>.
/// </summary>
public sealed record ModelOptions
{
    public const string SectionName = "Language:Model";

    /// <summary>False: always the template (no model is loaded).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The folder holding tokenizer.json, model.int8.onnx / model.fp32.onnx and manifest.json; by default the
    /// <c>model/</c> folder the library copies gateway/model/release into beside the application.
    /// </summary>
    public string ModelDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "model");

    public ModelFile File { get; init; } = ModelFile.Quantized;

    /// <summary>
    /// Softmax temperature; 0 is greedy (the same text for the same facts every time). 1 samples the teacher's own
    /// variety: on the held-out eval it gave distinct-2 0.198 against 0.144 at 0.8, with fewer template fallbacks
    /// (18.5 % vs 22 %) and slot errors still caught by the constraints and validator (docs/benchmarks.md).
    /// </summary>
    public float Temperature { get; init; } = 1.0f;

    /// <summary>Nucleus mass: sample only from the most likely tokens that together reach this probability.</summary>
    public float TopP { get; init; } = 0.95f;

    /// <summary>Model samples drawn before the template is used.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>
    /// Tokens the plant-mood guide may take back in one sample (<see cref="PlantMoodGuide"/>); 0 turns it off. Each
    /// costs one model step. On the held-out eval it took template fallbacks from 8.5 % to … (docs/benchmarks.md).
    /// </summary>
    public int Backtracks { get; init; } = 8;

    /// <summary>
    /// A sample with a token below this log-probability (natural log, under the model's own distribution) is refused
    /// (<see cref="Problems.Unlikely"/>). On held-out samples every one below −7 had lost the thread (a capital
    /// mid-sentence, a slot in the wrong place, word salad) and almost none above −6 had; 0 would refuse everything, a
    /// large negative number turns the check off.
    /// </summary>
    public double MinTokenLogProb { get; init; } = -6.5;

    /// <summary>
    /// A sample is refused (<see cref="Problems.Forced"/>) when at one token the constraints took at least this share
    /// of the model's probability away (<see cref="TextDecoder.MostMasked"/>). On 200 held-out raw samples, 25 went
    /// past 0.9 and only 2 lay between 0.3 and 0.9; the 5 of them that passed every text rule were all garbled
    /// (docs/benchmarks.md). 1 turns the check off.
    /// </summary>
    public double MaxMaskedShare { get; init; } = 0.5;

    /// <summary>
    /// End a sample that outgrows its device at its last complete sentence that had every required fact
    /// (<see cref="FitGuide"/>), instead of refusing it as too long; likewise a sample that, with every required fact
    /// said, would be forced on (<see cref="MaxMaskedShare"/>) instead of being refused as forced. On the held-out facts
    /// of the 23:20 model the second took the template share from 4.0 % to 0.0 % (200 facts) and from 3.2 % to 0.0 %
    /// (1,000): the model had written every plant and wanted one more clause about a fact it may not name.
    /// </summary>
    public bool EndAtFit { get; init; } = true;

    /// <summary>
    /// Logit taken from a word that followed the same token in one of the person's recent texts
    /// (<see cref="RecentPhrasing"/>); 0 turns it off. Measured on 10 held-out facts × 50 texts written one after
    /// another, each with the 3 before it as memory: at 1.5 the samples refused for a repeated opening fell from 70 to
    /// 20 and the template share from 2.4 % to 2.0 %; distinct-2 did not move (0.291); at 5 the model strays and 4.6 %
    /// go to the template (docs/benchmarks.md).
    /// </summary>
    public float RecentPenalty { get; init; } = 1.5f;

    /// <summary>Seed of the sampler (a fixed seed gives the same sequence of texts); null: a different one each start.</summary>
    public int? Seed { get; init; }

    /// <summary>The most text tokens of one sample (the longest teacher text is well under this).</summary>
    public int MaxNewTokens { get; init; } = 96;

    /// <summary>The model's context in tokens when manifest.json does not say (gateway/model's default is 160).</summary>
    public int ContextLength { get; init; } = 160;

    public string ModelFileName => File == ModelFile.FullPrecision ? "model.fp32.onnx" : "model.int8.onnx";

    public string ModelPath => Path.Combine(ModelDirectory, ModelFileName);

    public string TokenizerPath => Path.Combine(ModelDirectory, "tokenizer.json");

    public string ManifestPath => Path.Combine(ModelDirectory, "manifest.json");

    /// <summary>Every bad value, each message starting with its configuration key; empty when all are fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string key, string message)
        {
            if (!ok)
            {
                errors.Add($"{SectionName}:{key} {message}");
            }
        }

        Check(!string.IsNullOrWhiteSpace(ModelDirectory), nameof(ModelDirectory), "must name a folder");
        Check(Enum.IsDefined(File), nameof(File), "must be Quantized (model.int8.onnx) or FullPrecision (model.fp32.onnx)");
        Check(float.IsFinite(Temperature) && Temperature is >= 0f and <= 2f, nameof(Temperature), Is(Temperature, "must be between 0 (greedy) and 2"));
        Check(float.IsFinite(TopP) && TopP is > 0f and <= 1f, nameof(TopP), Is(TopP, "must be above 0 and at most 1"));
        Check(MaxAttempts is >= 1 and <= 20, nameof(MaxAttempts), Is(MaxAttempts, "must be 1 to 20"));
        Check(Backtracks is >= 0 and <= 64, nameof(Backtracks), Is(Backtracks, "must be 0 (no guide) to 64"));
        Check(double.IsFinite(MinTokenLogProb) && MinTokenLogProb is >= -1000 and < 0, nameof(MinTokenLogProb), Is(MinTokenLogProb, "must be below 0 and at least -1000"));
        Check(double.IsFinite(MaxMaskedShare) && MaxMaskedShare is > 0 and <= 1, nameof(MaxMaskedShare), Is(MaxMaskedShare, "must be above 0 and at most 1 (off)"));
        Check(float.IsFinite(RecentPenalty) && RecentPenalty is >= 0f and <= 10f, nameof(RecentPenalty), Is(RecentPenalty, "must be 0 (off) to 10"));
        Check(MaxNewTokens is >= 8 and <= 512, nameof(MaxNewTokens), Is(MaxNewTokens, "must be 8 to 512"));
        Check(ContextLength is >= 16 and <= 4096, nameof(ContextLength), Is(ContextLength, "must be 16 to 4096"));
        return errors;
    }

    private static string Is(IFormattable value, string rule) => $"{rule} (is {value.ToString(null, CultureInfo.InvariantCulture)})";
}
