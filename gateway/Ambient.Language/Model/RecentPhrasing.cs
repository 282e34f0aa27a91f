namespace Ambient.Language.Model;

/// <summary>
/// The memory hook's second half: the words of the last few texts to the same person (<see cref="Facts.RecentTexts"/>)
/// are made less likely to come back in the same order. Wherever the text so far ends in a token that a recent text
/// had, the word that followed it there loses <see cref="ModelOptions.RecentPenalty"/> of logit (as a presence
/// penalty does, but on word pairs, not words: "is" stays free, "is getting" after yesterday's "is getting" does not).
/// <see cref="RecentOpenings"/> refuses a repeated opening after the fact; this steers away while sampling, so fewer
/// samples are drawn only to be refused (it does not make the model more varied than it is: distinct-2 stayed put).
/// Only tokens that start a word are pushed down: punctuation,
/// the rest of a word and the slots (recent texts hold values, the model writes slot tokens) are left alone.
/// </summary>
internal sealed class RecentPhrasing
{
    private const int Start = -1;

    private readonly Dictionary<int, List<int>> _followers;
    private readonly float _penalty;

    private RecentPhrasing(Dictionary<int, List<int>> followers, float penalty)
    {
        _followers = followers;
        _penalty = penalty;
    }

    /// <summary>Per token id: whether it begins a word of letters (" getting", "Morning"); the tokens a penalty may hit.</summary>
    public static bool[] WordTokens(BpeTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return tokenizer.ClassifyTokens(t => t.TrimStart(' ') is { Length: > 0 } w && w.Length >= t.Length - 1 && char.IsLetter(w[0]), special: false);
    }

    /// <summary>The pairs of <paramref name="recentTexts"/>, or null when there is nothing to avoid.</summary>
    public static RecentPhrasing? For(BpeTokenizer tokenizer, bool[] wordTokens, IReadOnlyList<string>? recentTexts, float penalty)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(wordTokens);
        if (recentTexts is not { Count: > 0 } || penalty <= 0f)
        {
            return null;
        }

        var followers = new Dictionary<int, List<int>>();
        var ids = new List<int>();
        foreach (var recent in recentTexts)
        {
            if (string.IsNullOrWhiteSpace(recent))
            {
                continue;
            }

            ids.Clear();
            tokenizer.EncodeText(recent, ids);
            for (var i = 0; i < ids.Count; i++)
            {
                var next = ids[i];
                if (next < wordTokens.Length && wordTokens[next])
                {
                    var before = i == 0 ? Start : ids[i - 1];
                    if (!followers.TryGetValue(before, out var list))
                    {
                        followers[before] = list = [];
                    }

                    if (!list.Contains(next))
                    {
                        list.Add(next);
                    }
                }
            }
        }

        return followers.Count == 0 ? null : new RecentPhrasing(followers, penalty);
    }

    /// <summary>Pushes down, in <paramref name="logits"/>, every word that followed the text's last token in a recent text.</summary>
    public void Apply(IReadOnlyList<int> text, float[] logits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(logits);
        var before = text.Count == 0 ? Start : text[^1];
        if (!_followers.TryGetValue(before, out var next))
        {
            return;
        }

        foreach (var id in next)
        {
            if (id < logits.Length && !float.IsNegativeInfinity(logits[id]))
            {
                logits[id] -= _penalty;
            }
        }
    }
}
