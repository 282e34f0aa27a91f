using System.Diagnostics;
using System.Globalization;

namespace Ambient.Language.Model;

/// <summary>
/// Facts → <see cref="FactSheets.From"/> → prompt → constrained sampling on the ONNX model → <see cref="SlotFiller"/>
/// (guided by <see cref="PlantMoodGuide"/> and <see cref="FitGuide"/>, steered off recent wordings by <see cref="RecentPhrasing"/>) → <see cref="TextValidator"/>, the unlikely-token and recent-openings checks; a rejected sample is redrawn up to
/// <see cref="ModelOptions.MaxAttempts"/> times (<see cref="MadeBy.ModelResampled"/>), then the template writes the
/// text (<see cref="MadeBy.Template"/>). Every rejection is listed in <see cref="GeneratedText.Problems"/> as
/// "sample N: kind: detail". One sequence at a time (calls are serialised); owns the ONNX session.
/// </summary>
public sealed class ModelGreetingGenerator : IGreetingGenerator, IDisposable
{
    /// <summary>Problem kind: the sheet's prompt has a control token the model's tokenizer lacks (no sample is drawn).</summary>
    public const string PromptTokenUnknown = "prompt-token-unknown";

    /// <summary>Problem kind: the sample opens with the same three words as one of <see cref="Facts.RecentTexts"/>.</summary>
    public const string RepeatedOpening = RecentOpenings.Problem;

    private readonly TextDecoder _decoder;
    private readonly IGreetingGenerator _template;
    private readonly SamplingSettings _settings;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly List<int> _tokens = [];
    private readonly FactSheetOptions? _sheetOptions;
    private readonly bool[] _wordStarts;
    private readonly bool[] _wordTokens;

    internal ModelGreetingGenerator(TextDecoder decoder, IGreetingGenerator template, ModelOptions options, FactSheetOptions? sheetOptions = null)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(options);
        _decoder = decoder;
        _template = template;
        _sheetOptions = sheetOptions;
        Options = options;
        _settings = new SamplingSettings(options.Temperature, options.TopP, options.MaxNewTokens, options.Backtracks,
            options.EndAtFit ? options.MaxMaskedShare : 1);
        _wordStarts = PlantMoodGuide.WordStarts(decoder.Tokenizer);
        _wordTokens = RecentPhrasing.WordTokens(decoder.Tokenizer);
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
    }

    public ModelOptions Options { get; }

    internal TextDecoder Decoder => _decoder;

    /// <summary>
    /// Loads the tokenizer and the model named by <paramref name="options"/>; throws when the options are invalid or
    /// a file is missing or unreadable (<see cref="LanguageModelFactory.Create"/> turns that into the template).
    /// <paramref name="sheetOptions"/> must be the template's, so both write values the same way.
    /// </summary>
    public static ModelGreetingGenerator Load(ModelOptions options, IGreetingGenerator template, FactSheetOptions? sheetOptions = null) =>
        Load(options, template, sheetOptions, noCache: false);

    internal static ModelGreetingGenerator Load(ModelOptions options, IGreetingGenerator template, FactSheetOptions? sheetOptions, bool noCache)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        var tokenizer = BpeTokenizer.Load(options.TokenizerPath);
        var context = ModelManifest.ContextLength(options.ManifestPath) ?? options.ContextLength;
        var model = OnnxLanguageModel.Load(options.ModelPath, context, noCache, tokenizer.VocabSize);
        try
        {
            return new ModelGreetingGenerator(new TextDecoder(model, tokenizer), template, options, sheetOptions);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public GeneratedText Generate(Facts facts, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Generate(facts, _random, cancellationToken);
        }
    }

    /// <summary>As <see cref="Generate(Facts, CancellationToken)"/> with the caller's random source (eval, bench).</summary>
    internal GeneratedText Generate(Facts facts, Random random, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return GenerateLocked(facts, random, cancellationToken);
        }
    }

    private GeneratedText GenerateLocked(Facts facts, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var clock = Stopwatch.StartNew();
        var sheet = FactSheets.From(facts, _sheetOptions);
        var problems = new List<string>();
        var unknown = sheet.PromptTokens.FirstOrDefault(t => !_decoder.Tokenizer.TryGetSpecialId(t, out _));
        if (unknown is not null)
        {
            // A control token the model was never trained on: its samples would be guesses. Not worth drawing.
            problems.Add($"{PromptTokenUnknown}: {unknown} is not in the model's tokenizer (the model predates this prompt)");
            return Template(facts, clock, 0, problems, cancellationToken);
        }

        var prompt = _decoder.Tokenizer.Encode(sheet.PromptTokens, string.Empty);
        var constraints = Constraints(sheet);
        var recent = RecentPhrasing.For(_decoder.Tokenizer, _wordTokens, facts.RecentTexts, Options.RecentPenalty);
        for (var attempt = 1; attempt <= Options.MaxAttempts; attempt++)
        {
            var sample = Sample(sheet, prompt, constraints, random, cancellationToken, recent);
            var found = new List<string>(TextValidator.Validate(sample.DelexText, sheet));
            if (sample.Stop == DecodeStop.MaxTokens)
            {
                found.Add($"{Problems.TooLong}: no end of text within {_settings.MaxNewTokens} tokens");
            }

            if (Unlikely(sample) is { } unlikely)
            {
                found.Add(unlikely);
            }

            if (Forced(sample) is { } forced)
            {
                found.Add(forced);
            }

            // Over the length only: the same text without its lead may fit (and must pass everything again).
            if (found.Count > 0 && found.All(p => Problems.KindOf(p) == Problems.TooLong) && sample.Stop == DecodeStop.EndOfText
                && FitGuide.WithoutLead(sample.DelexText) is { } shorter && TextValidator.IsValid(shorter, sheet))
            {
                sample = sample with { DelexText = shorter, Text = SlotFiller.Fill(shorter, sheet) };
                found.Clear();
            }

            if (found.Count == 0 && RecentOpenings.Check(sample.Text, facts.RecentTexts) is { } repeated)
            {
                found.Add(repeated);
            }

            if (found.Count == 0)
            {
                return new GeneratedText(sample.Text, attempt == 1 ? MadeBy.Model : MadeBy.ModelResampled, clock.Elapsed.TotalMilliseconds, attempt, problems);
            }

            problems.AddRange(found.Select(p => $"sample {attempt}: {p}"));
        }

        return Template(facts, clock, Options.MaxAttempts, problems, cancellationToken);
    }

    private GeneratedText Template(Facts facts, Stopwatch clock, int attempts, List<string> problems, CancellationToken cancellationToken)
    {
        var fallback = _template.Generate(facts, cancellationToken);
        return new GeneratedText(fallback.Text, MadeBy.Template, clock.Elapsed.TotalMilliseconds, attempts, [.. problems, .. fallback.Problems]);
    }

    /// <summary>One constrained sample for the sheet, unchecked (the eval counts raw slot errors on these).</summary>
    internal ModelSample Sample(FactSheet sheet, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var prompt = _decoder.Tokenizer.Encode(sheet.PromptTokens, string.Empty);
        var constraints = Constraints(sheet);
        lock (_gate)
        {
            return Sample(sheet, prompt, constraints, random, cancellationToken);
        }
    }

    /// <summary>The <see cref="Problems.Unlikely"/> problem of a sample, or null when every token was likely enough.</summary>
    internal string? Unlikely(ModelSample sample) =>
        sample.LeastLikely < Options.MinTokenLogProb
            ? string.Create(CultureInfo.InvariantCulture, $"{Problems.Unlikely}: a token at log-probability {sample.LeastLikely:F1} (below {Options.MinTokenLogProb:F1})")
            : null;

    /// <summary>The <see cref="Problems.Forced"/> problem of a sample, or null when the constraints only trimmed the model's choices.</summary>
    internal string? Forced(ModelSample sample) =>
        Options.MaxMaskedShare < 1 && sample.MostMasked >= Options.MaxMaskedShare
            ? string.Create(CultureInfo.InvariantCulture, $"{Problems.Forced}: the constraints took {sample.MostMasked:P0} of the model's probability at one token (the most allowed is {Options.MaxMaskedShare:P0}); it wanted to end or to write a fact it may not")
            : null;

    public void Dispose() => _decoder.Dispose();

    private DecodeConstraints Constraints(FactSheet sheet) =>
        new(_decoder.Tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots, sheet.Device == TargetDevice.Earbud, _decoder.SentenceEnds);

    private ModelSample Sample(FactSheet sheet, int[] prompt, DecodeConstraints constraints, Random random, CancellationToken cancellationToken, RecentPhrasing? recent = null)
    {
        var guide = _settings.Backtracks > 0 && PlantMoodGuide.Applies(sheet) ? new PlantMoodGuide(_decoder.Tokenizer, _wordStarts, sheet) : null;
        var fit = Options.EndAtFit ? new FitGuide(_decoder.Tokenizer, _decoder.SentenceEnds, sheet) : null;
        var stop = _decoder.Decode(prompt, constraints, _settings, random, _tokens, guide, fit, recent, cancellationToken);
        var delex = _decoder.Tokenizer.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens));
        return new ModelSample(delex, SlotFiller.Fill(delex, sheet), stop, _tokens.Count, _decoder.Backtracks, _decoder.LeastLikely, _decoder.MostMasked, _decoder.Resumed, _decoder.MeanLogProb);
    }
}
