using System.Numerics.Tensors;

namespace Ambient.Language.Model;

/// <summary>Why a decode stopped.</summary>
internal enum DecodeStop
{
    EndOfText,
    MaxTokens,
}

/// <summary>
/// Temperature and top-p of the sampler (temperature 0: greedy), the most text tokens per sample, how many tokens
/// a guide may take back in one sample, and the share of the model's probability at one step that the constraints may
/// take before a text that already said everything ends at its last full sentence instead (1: never; needs a fit guide).
/// </summary>
internal readonly record struct SamplingSettings(float Temperature, float TopP, int MaxNewTokens, int Backtracks = 0, double EndWhenMasked = 1);

/// <summary>
/// The decode loop: the prompt in one run (prefill), then one token per run against the KV cache, each step's logits
/// masked by <see cref="DecodeConstraints"/> and sampled by <see cref="TokenSampler"/>. Owns its model (one sequence
/// at a time; not thread-safe).
/// </summary>
internal sealed class TextDecoder : IDisposable
{
    private readonly float[] _scratch;
    private readonly float[] _exp;
    private readonly TokenSampler _sampler;
    private readonly int[] _one = new int[1];
    private readonly float[] _promptLogits;
    private int[] _savedPrompt = [];
    private float[]? _banned;

    // See ApplyBans. On 200 held-out facts (before names were swapped in place) 0.2 left 1.5 % to the template, 0.5
    // left 2.5 %, no word redraws at all 3.5 %.
    private const double MinMassAfterBan = 0.2;

    // See TryResume: the share of the model's probability on <eos> at which a premature end is resumed.
    private const double ResumeShare = 0.5;

    private readonly int[] _plantNames;
    private readonly int _space;

    public TextDecoder(OnnxLanguageModel model, BpeTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (model.VocabSize < tokenizer.VocabSize)
        {
            throw new InvalidDataException($"the model's vocabulary ({model.VocabSize}) is smaller than the tokenizer's ({tokenizer.VocabSize})");
        }

        Model = model;
        Tokenizer = tokenizer;
        _scratch = new float[model.VocabSize];
        _exp = new float[model.VocabSize];
        _promptLogits = new float[model.VocabSize];
        _sampler = new TokenSampler(model.VocabSize);
        SentenceEnds = FitGuide.SentenceEnds(tokenizer);
        _plantNames = [.. Enumerable.Range(1, SlotNames.MaxPlants)
            .Select(n => tokenizer.TryGetSpecialId(SlotNames.PlantName(n), out var id) ? id : -1).Where(id => id >= 0)];
        _space = tokenizer.EncodeText(" ") is [var space] ? space : -1;
    }

    public OnnxLanguageModel Model { get; }

    public BpeTokenizer Tokenizer { get; }

    /// <summary><see cref="FitGuide.SentenceEnds"/> of <see cref="Tokenizer"/>, made once for the decoder and its guides.</summary>
    public bool[] SentenceEnds { get; }

    /// <summary>
    /// Changes each step's logits (given the text so far) before the constraints mask them: a logit bias, with which
    /// the tests push toward the end or script a text.
    /// </summary>
    internal Action<IReadOnlyList<int>, float[]>? AdjustLogits { get; set; }

    /// <summary>
    /// Samples text tokens after <paramref name="prompt"/> (<c>&lt;bos&gt; … &lt;sep&gt;</c>) into <paramref name="text"/>
    /// (cleared first; without the final <c>&lt;eos&gt;</c>). With a <paramref name="guide"/>, a token that breaks its
    /// rule is taken back and drawn again, at most <see cref="SamplingSettings.Backtracks"/> times. With a
    /// <paramref name="fit"/>, a text that outgrows its device ends at its last complete sentence instead. With
    /// <paramref name="recent"/>, word pairs of the person's recent texts are made less likely.
    /// </summary>
    public DecodeStop Decode(ReadOnlySpan<int> prompt, DecodeConstraints constraints, SamplingSettings settings, Random random, List<int> text, PlantMoodGuide? guide = null, FitGuide? fit = null, RecentPhrasing? recent = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(text);
        text.Clear();
        constraints.Reset();
        Backtracks = 0;
        LeastLikely = 0;
        MostMasked = 0;
        Resumed = 0;
        EndedBeforeForced = false;
        _logProbSum = 0;
        _logProbCount = 0;
        var budget = Math.Min(settings.MaxNewTokens, Model.ContextLength - prompt.Length);
        if (budget <= 0)
        {
            // The prompt alone fills the context: nothing can be written.
            return DecodeStop.MaxTokens;
        }

        var bans = new List<Ban>();
        var lastFullSentence = 0;
        Shortened = false;
        var logits = Prefill(prompt);
        var tail = _scratch.AsSpan(Tokenizer.VocabSize);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (lastFullSentence > text.Count)
            {
                // A guide or a resumption cut the text below its last full sentence: that sentence is gone.
                lastFullSentence = 0;
            }

            logits.CopyTo(_scratch);
            // Ids beyond the tokenizer's vocabulary (padding of the embedding, if any) mean nothing: never drawn.
            tail.Fill(float.NegativeInfinity);
            AdjustLogits?.Invoke(text, _scratch);
            recent?.Apply(text, _scratch);
            var before = LogSumExp(_scratch);
            var endShare = Math.Exp(_scratch[BpeTokenizer.EosId] - before);
            constraints.Apply(_scratch);
            var written = text.Count;
            if (endShare >= ResumeShare && !constraints.RequiredSatisfied && TryResume(prompt.Length, text, constraints, budget, out var resumed))
            {
                // Bans name positions in the old text: from the resumption on they would hit other tokens.
                bans.RemoveAll(b => b.Position >= written - 1);
                logits = resumed;
                continue;
            }

            var allowed = LogSumExp(_scratch);
            var masked = 1 - Math.Exp(allowed - before);
            if (settings.EndWhenMasked < 1 && masked >= settings.EndWhenMasked && lastFullSentence > 0)
            {
                // Everything required is said and the model wants a fact it may not write (a plant again, a slot the
                // sheet lacks): what it writes next would be forced. End where a writer would, at the last full sentence.
                text.RemoveRange(lastFullSentence, text.Count - lastFullSentence);
                EndedBeforeForced = true;
                return DecodeStop.EndOfText;
            }

            MostMasked = Math.Max(MostMasked, masked);
            var banned = bans.Exists(b => b.Position == text.Count);
            if (!ApplyBans(bans, text.Count))
            {
                bans.Clear();
                guide = null;
            }

            var next = _sampler.Sample(_scratch, settings.Temperature, settings.TopP, random);
            // Without a ban here the allowed tokens are the constraints' own: their normaliser is already known.
            var logProb = _scratch[next] - (banned ? LogSumExp(_scratch) : allowed);
            LeastLikely = Math.Min(LeastLikely, logProb);
            _logProbSum += logProb;
            _logProbCount++;
            var ended = next == BpeTokenizer.EosId;
            if (!ended)
            {
                constraints.Accept(next);
                text.Add(next);
            }

            if (guide is not null && Backtracks < settings.Backtracks && (ended || guide.CompletesWord(next))
                && guide.Check(text, ended) is { } back)
            {
                Backtracks++;
                var at = back.Position;
                if (back.OnlyFrom is [var name, ..] && TrySwapName(prompt, text, at, name, constraints, out var swapped))
                {
                    logits = swapped;
                    continue;
                }

                // Back to just before the offending token, which may not be drawn there again.
                bans.RemoveAll(b => b.Position > at);
                bans.Add(new Ban(at, text[at], back.OnlyFrom));
                text.RemoveRange(at, text.Count - at);
                constraints.Reset();
                foreach (var id in text)
                {
                    constraints.Accept(id);
                }

                logits = Rewind(prompt, text);
                continue;
            }

            if (ended)
            {
                return DecodeStop.EndOfText;
            }

            if (fit is not null)
            {
                if (!fit.Fits(text))
                {
                    // Too long for the device: end at the last full sentence that had everything and fit, if any.
                    if (lastFullSentence > 0)
                    {
                        text.RemoveRange(lastFullSentence, text.Count - lastFullSentence);
                        Shortened = true;
                        return DecodeStop.EndOfText;
                    }

                    fit = null;
                }
                else if (fit.EndsSentence(next) && constraints.RequiredSatisfied)
                {
                    lastFullSentence = text.Count;
                }
            }

            if (text.Count >= budget)
            {
                return DecodeStop.MaxTokens;
            }

            _one[0] = next;
            logits = Model.FeedLast(_one);
        }
    }

    /// <summary>
    /// The lowest log-probability (natural log, temperature 1, over the tokens the constraints allowed) of any token
    /// drawn in the last <see cref="Decode"/>, taken-back ones included: how far the sample strayed from what the
    /// model expects.
    /// </summary>
    public double LeastLikely { get; private set; }

    /// <summary>
    /// The largest share of the model's probability (temperature 1) that the constraints took away at one step of the
    /// last <see cref="Decode"/>: near 1 when the model wanted to end (or write a slot it may not) and was made to go on.
    /// </summary>
    public double MostMasked { get; private set; }

    /// <summary>Mean log-probability of the tokens drawn in the last <see cref="Decode"/> (taken-back ones included).</summary>
    public double MeanLogProb => _logProbCount == 0 ? 0 : _logProbSum / _logProbCount;

    private double _logProbSum;
    private int _logProbCount;

    /// <summary>How often the last <see cref="Decode"/> went on after a premature end with an unnamed plant (see TryResume).</summary>
    public int Resumed { get; private set; }

    /// <summary>Whether the last <see cref="Decode"/> was ended early at a sentence by its <see cref="FitGuide"/>.</summary>
    public bool Shortened { get; private set; }

    /// <summary>
    /// Whether the last <see cref="Decode"/> ended at its last full sentence because the constraints would otherwise
    /// have forced the next token (<see cref="SamplingSettings.EndWhenMasked"/>).
    /// </summary>
    public bool EndedBeforeForced { get; private set; }

    /// <summary>Tokens the guide took back in the last <see cref="Decode"/>.</summary>
    public int Backtracks { get; private set; }

    public void Dispose() => Model.Dispose();

    // The guide's choices for this position: only the names it allows (never the one drawn before), or, for a word
    // no plant's name could fit, anything but that word. A banned word must leave the model a real choice: when the
    // tokens left hold under MinMassAfterBan of its probability, it had no good way on from here ("Pothos is too …"
    // without "hot") and what it would write next is noise. Then the ban is dropped, the guide stops for this sample
    // (false), and the validator refuses the wrong mood. Choosing among plant names is always grammatical.
    private bool ApplyBans(List<Ban> bans, int position)
    {
        if (!bans.Exists(b => b.Position == position))
        {
            return true;
        }

        _banned ??= new float[_scratch.Length];
        _scratch.CopyTo(_banned, 0);
        var word = false;
        foreach (var ban in bans.Where(b => b.Position == position))
        {
            word |= ban.OnlyFrom is null;
            for (var id = 0; id < _scratch.Length; id++)
            {
                if (id == ban.Token || (ban.OnlyFrom is { } only && Array.IndexOf(only, id) < 0))
                {
                    _scratch[id] = float.NegativeInfinity;
                }
            }
        }

        if (word ? Mass(_scratch, _banned) >= MinMassAfterBan : Array.Exists(_scratch, float.IsFinite))
        {
            return true;
        }

        _banned.CopyTo(_scratch, 0);
        return !word;
    }

    // The softmax mass (temperature 1) of the finite logits of `kept` within those of `all`.
    private double Mass(float[] kept, float[] all) => Math.Exp(LogSumExp(kept) - LogSumExp(all));

    // log softmax(logits)[id] at temperature 1 over the finite logits.
    // log Σ exp(l) over the finite logits (−∞ when there are none).
    private double LogSumExp(float[] logits)
    {
        var max = TensorPrimitives.Max(logits);
        if (float.IsNegativeInfinity(max))
        {
            return double.NegativeInfinity;
        }

        // Vectorized (twice per token over the whole vocabulary); masked tokens add exp(−∞) = 0.
        var exp = _exp.AsSpan(0, logits.Length);
        TensorPrimitives.Subtract(logits, max, exp);
        TensorPrimitives.Exp(exp, exp);
        return max + Math.Log(TensorPrimitives.Sum(exp));
    }

    /// <summary>
    /// The model wants to end after a full sentence, but a plant it was to report on is still unnamed (it ties moods
    /// to plant order and sometimes skips one): start the next sentence with that plant's name, as the teacher's
    /// plant clauses do, and let the model go on from there; on a one-sentence device the final period becomes
    /// ", and" instead. Without this the end stays masked and the model writes past its own ending ("That's the green
    /// report. to report.From the windowsill.: Ivy is a bit soggy."). False when that does not apply (not after a
    /// sentence, no plant missing, no room).
    /// </summary>
    private bool TryResume(int promptLength, List<int> text, DecodeConstraints constraints, int budget, out ReadOnlySpan<float> logits)
    {
        logits = default;
        if (_space < 0 || text.Count == 0 || !SentenceEnds[text[^1]]
            || constraints.FirstMissing(_plantNames) is not (>= 0 and var name))
        {
            return false;
        }

        // One sentence: the last token loses its period ("chilly." or "y." and ".") and ", and " follows.
        var last = Tokenizer.Decode([text[^1]]);
        var join = constraints.OneSentence ? Tokenizer.EncodeText(last[..^1] + ", and ") : [_space];
        var keep = constraints.OneSentence ? text.Count - 1 : text.Count;
        if (!last.EndsWith('.') || keep + join.Length + 1 > budget)
        {
            return false;
        }

        if (keep < text.Count)
        {
            text.RemoveRange(keep, text.Count - keep);
            Model.Truncate(promptLength + keep);
        }

        text.AddRange(join);
        text.Add(name);
        constraints.Accept(name);
        Resumed++;
        logits = Model.FeedLast(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text)[keep..]);
        return true;
    }

    private readonly record struct Ban(int Position, int Token, int[]? OnlyFrom);

    /// <summary>
    /// Puts <paramref name="name"/> in place of the plant name at <paramref name="at"/> and keeps the words after it
    /// (they are right for that plant: that is why the guide chose it), feeding them again in one run from there.
    /// Gives the logits after the text; false when the name cannot go there (already used).
    /// </summary>
    private bool TrySwapName(ReadOnlySpan<int> prompt, List<int> text, int at, int name, DecodeConstraints constraints, out ReadOnlySpan<float> logits)
    {
        logits = default;
        if (text.Contains(name) || !Tokenizer.IsSpecial(text[at]))
        {
            return false;
        }

        text[at] = name;
        constraints.Reset();
        foreach (var id in text)
        {
            constraints.Accept(id);
        }

        Model.Truncate(prompt.Length + at);
        logits = Model.FeedLast(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text)[at..]);
        return true;
    }

    /// <summary>The logits after <paramref name="text"/> (a prefix of what the model was fed), going back in the cache.</summary>
    private ReadOnlySpan<float> Rewind(ReadOnlySpan<int> prompt, List<int> text)
    {
        if (text.Count == 0)
        {
            return Prefill(prompt);
        }

        Model.Truncate(prompt.Length + text.Count - 1);
        _one[0] = text[^1];
        return Model.FeedLast(_one);
    }

    /// <summary>
    /// Feeds the prompt, or with the cache goes back to it when the last prompt was the same (the samples of one
    /// greeting, and its resamples, share their prompt: it is computed once).
    /// </summary>
    private ReadOnlySpan<float> Prefill(ReadOnlySpan<int> prompt)
    {
        if (!Model.NoCache && prompt.SequenceEqual(_savedPrompt) && Model.Restore())
        {
            return _promptLogits;
        }

        Model.Reset();
        var logits = Model.FeedLast(prompt);
        if (!Model.NoCache)
        {
            logits.CopyTo(_promptLogits);
            Model.Save();
            _savedPrompt = prompt.ToArray();
        }

        return logits;
    }
}
