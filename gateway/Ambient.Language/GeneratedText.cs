namespace Ambient.Language;

/// <summary>How a text was made, for the feed, the memory and the benchmarks.</summary>
public enum MadeBy
{
    /// <summary>The model's first sample passed validation.</summary>
    Model,

    /// <summary>The model's first sample failed validation; a later one passed.</summary>
    ModelResampled,

    /// <summary>The deterministic template (no model, or every sample failed).</summary>
    Template,
}

/// <summary>
/// The final text (slots filled, validated), how it was made, how long it took and how many samples were drawn.
/// <see cref="Problems"/> lists why rejected samples were rejected (empty when the first one passed).
/// </summary>
public sealed record GeneratedText(string Text, MadeBy MadeBy, double Milliseconds, int Attempts, IReadOnlyList<string> Problems);
