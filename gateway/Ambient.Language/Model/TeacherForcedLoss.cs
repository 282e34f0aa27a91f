namespace Ambient.Language.Model;

/// <summary>
/// Mean cross-entropy (nats per token) of a corpus under the ONNX model, teacher-forced, counted as training counts
/// it (README §3, gateway/model/ambient_lm/data.py): only on the text tokens and the final <c>&lt;eos&gt;</c>, never on
/// the prompt. Each example is one run with an empty past; examples longer than the context are skipped.
/// </summary>
internal static class TeacherForcedLoss
{
    public static (double MeanNats, long Tokens, int Examples, int Skipped) Measure(OnnxLanguageModel model, BpeTokenizer tokenizer, IEnumerable<(string Prompt, string Text)> corpus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(corpus);
        double total = 0;
        long tokens = 0;
        int examples = 0, skipped = 0;
        var vocab = model.VocabSize;
        foreach (var (prompt, text) in corpus)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = tokenizer.EncodeTraining(prompt, text, out var textStart);
            if (ids.Length > model.ContextLength)
            {
                skipped++;
                continue;
            }

            model.Reset();
            var logits = model.Feed(ids.AsSpan(0, ids.Length - 1));
            // Row j predicts token j+1; the first text token is predicted by the row of <sep> (textStart - 1).
            for (var j = textStart - 1; j < ids.Length - 1; j++)
            {
                total += NegativeLogLikelihood(logits.Slice(j * vocab, vocab), ids[j + 1]);
                tokens++;
            }

            examples++;
        }

        if (tokens == 0)
        {
            throw new InvalidOperationException($"no example fits the context ({skipped} skipped): no loss to report");
        }

        return (total / tokens, tokens, examples, skipped);
    }

    private static double NegativeLogLikelihood(ReadOnlySpan<float> row, int target)
    {
        var max = double.NegativeInfinity;
        foreach (var v in row)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        foreach (var v in row)
        {
            sum += Math.Exp(v - max);
        }

        return -(row[target] - max - Math.Log(sum));
    }
}
