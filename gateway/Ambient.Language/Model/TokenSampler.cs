using System.Numerics.Tensors;

namespace Ambient.Language.Model;

/// <summary>
/// Temperature + top-p (nucleus) sampling over one row of logits, with a caller-owned seeded <see cref="Random"/>
/// (same seed, same tokens). Temperature 0 is greedy. Scratch arrays are kept between calls; not thread-safe.
/// </summary>
internal sealed class TokenSampler
{
    // Tokens whose weight is below this fraction of the most likely one's (~6.9 nats at temperature 1).
    private const float CandidateFloor = 1e-3f;

    private readonly float[] _weights;
    private readonly float[] _keys;
    private readonly int[] _order;

    public TokenSampler(int vocabSize)
    {
        _weights = new float[vocabSize];
        _keys = new float[vocabSize];
        _order = new int[vocabSize];
    }

    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Draws a token; masked (−∞) tokens are never drawn as long as one token is unmasked.</summary>
    public int Sample(ReadOnlySpan<float> logits, float temperature, float topP, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (temperature <= 0f)
        {
            return ArgMax(logits);
        }

        var max = TensorPrimitives.Max(logits);
        if (float.IsNegativeInfinity(max))
        {
            return ArgMax(logits);
        }

        // Softmax weights (the largest is 1; masked tokens get exp(−∞) = 0), vectorized: this runs over the whole
        // vocabulary for every token. Then the mass of those within a factor CandidateFloor of the largest.
        var weights = _weights.AsSpan(0, logits.Length);
        TensorPrimitives.Subtract(logits, max, weights);
        TensorPrimitives.Multiply(weights, 1f / temperature, weights);
        TensorPrimitives.Exp(weights, weights);
        double sum = TensorPrimitives.Sum(weights);
        var strong = 0.0;
        foreach (var p in weights)
        {
            strong += p >= CandidateFloor ? p : 0;
        }

        // The nucleus is the shortest prefix of the tokens sorted by weight whose mass reaches top-p. The strong
        // tokens are such a prefix too, so when their mass already reaches it the nucleus lies inside them and only
        // they need sorting (a handful, instead of the whole vocabulary); otherwise every unmasked token is a candidate.
        var target = topP >= 1f ? sum : sum * topP;
        var floor = strong >= target ? CandidateFloor : float.Epsilon;
        var n = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            if (_weights[i] >= floor)
            {
                _keys[n] = -_weights[i];
                _order[n] = i;
                n++;
            }
        }

        if (n == 0)
        {
            return ArgMax(logits);
        }

        // Ascending negated weights = descending weights; primitive keys sort without a comparer delegate.
        var keys = _keys.AsSpan(0, n);
        var order = _order.AsSpan(0, n);
        keys.Sort(order);
        var kept = 0;
        var mass = 0.0;
        while (kept < n)
        {
            mass -= keys[kept];
            kept++;
            if (mass >= target)
            {
                break;
            }
        }

        var draw = random.NextDouble() * mass;
        for (var i = 0; i < kept; i++)
        {
            draw += keys[i];
            if (draw < 0)
            {
                return order[i];
            }
        }

        return order[kept - 1];
    }
}
