namespace Ambient.Language.Model;

/// <summary>Why a decode stopped.</summary>
internal enum DecodeStop
{
    EndOfText,
    MaxTokens,
}

/// <summary>Temperature and top-p of the sampler (temperature 0: greedy) and the most text tokens per sample.</summary>
internal readonly record struct SamplingSettings(float Temperature, float TopP, int MaxNewTokens);

/// <summary>
/// The decode loop: the prompt in one run (prefill), then one token per run against the KV cache, each step's logits
/// masked by <see cref="DecodeConstraints"/> and sampled by <see cref="TokenSampler"/>. Owns its model (one sequence
/// at a time; not thread-safe).
/// </summary>
internal sealed class TextDecoder : IDisposable
{
    private readonly float[] _scratch;
    private readonly TokenSampler _sampler;
    private readonly int[] _one = new int[1];
    private readonly float[] _promptLogits;
    private int[] _savedPrompt = [];

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
        _promptLogits = new float[model.VocabSize];
        _sampler = new TokenSampler(model.VocabSize);
    }

    public OnnxLanguageModel Model { get; }

    public BpeTokenizer Tokenizer { get; }

    /// <summary>Changes each step's logits before the constraints mask them (a logit bias; the tests push toward the end).</summary>
    internal Action<float[]>? AdjustLogits { get; set; }

    /// <summary>
    /// Samples text tokens after <paramref name="prompt"/> (<c>&lt;bos&gt; … &lt;sep&gt;</c>) into <paramref name="text"/>
    /// (cleared first; without the final <c>&lt;eos&gt;</c>).
    /// </summary>
    public DecodeStop Decode(ReadOnlySpan<int> prompt, DecodeConstraints constraints, SamplingSettings settings, Random random, List<int> text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(text);
        text.Clear();
        constraints.Reset();
        var budget = Math.Min(settings.MaxNewTokens, Model.ContextLength - prompt.Length);
        if (budget <= 0)
        {
            // The prompt alone fills the context: nothing can be written.
            return DecodeStop.MaxTokens;
        }

        var logits = Prefill(prompt);
        var tail = _scratch.AsSpan(Tokenizer.VocabSize);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            logits.CopyTo(_scratch);
            // Ids beyond the tokenizer's vocabulary (padding of the embedding, if any) mean nothing: never drawn.
            tail.Fill(float.NegativeInfinity);
            AdjustLogits?.Invoke(_scratch);
            constraints.Apply(_scratch);
            var next = _sampler.Sample(_scratch, settings.Temperature, settings.TopP, random);
            if (next == BpeTokenizer.EosId)
            {
                return DecodeStop.EndOfText;
            }

            constraints.Accept(next);
            text.Add(next);
            if (text.Count >= budget)
            {
                return DecodeStop.MaxTokens;
            }

            _one[0] = next;
            logits = Model.FeedLast(_one);
        }
    }

    public void Dispose() => Model.Dispose();

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
