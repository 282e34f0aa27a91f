using System.Text.RegularExpressions;

namespace Ambient.Language;

/// <summary>
/// The style guide's blacklist (STYLE-GUIDE.md "Never"): phrases that nag, blame or rush. Matched as whole words,
/// case-insensitively, on the delexicalised text (so a calendar title like "Forgotten Realms" never trips it).
/// </summary>
public static partial class StyleRules
{
    public static IReadOnlyList<string> Blacklist { get; } =
    [
        "should have", "should've", "shouldn't have", "forgot", "forget", "forgotten", "you must", "you need to",
        "you have to", "you'd better", "hurry", "lazy", "neglect", "neglected", "failed to", "as usual",
        "why didn't", "shame", "ugh", "finally", "for once", "again?", "late again", "wake up!", "no excuses",
    ];

    private static readonly Regex[] Patterns = [.. Blacklist.Select(Compile)];

    // One pass for the common case (nothing found): every text of the corpus goes through here.
    private static readonly Regex Any = new(string.Join('|', Blacklist.Select(Pattern)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The blacklisted phrases found in <paramref name="text"/>, in blacklist order.</summary>
    public static IEnumerable<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Any.IsMatch(text))
        {
            yield break;
        }

        for (var i = 0; i < Patterns.Length; i++)
        {
            if (Patterns[i].IsMatch(text))
            {
                yield return Blacklist[i];
            }
        }
    }

    /// <summary>
    /// Two verbs that cannot follow each other ("basil is would like some water", "it will is"): a small model's
    /// slip when it starts one phrasing and finishes another. The teacher never writes them (TeacherGrammarTests).
    /// </summary>
    public static string? BrokenGrammar(string text) => VerbClash().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(
        @"\b(?:is|are|was|am|would|could|should|will|can|might)\s+(?:is|are|was|would|could|should|will|can|might|needs|wants|looks|seems|has|likes|feels|says)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbClash();

    /// <summary>
    /// The first run of <paramref name="length"/> words that comes twice (case and punctuation aside; slots count as
    /// words of their own), or null. The teacher repeats up to five words across two plants ("would dearly love a
    /// warmer spot … room"), never six; the model does when it loops ("is too hot where it is too hot where it is").
    /// </summary>
    public static string? RepeatedRun(string delexText, int length = 6)
    {
        ArgumentNullException.ThrowIfNull(delexText);
        var words = delexText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(RunPunctuation).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + length <= words.Length; i++)
        {
            var run = string.Join(' ', words, i, length);
            if (!seen.Add(run))
            {
                return run;
            }
        }

        return null;
    }

    private static readonly char[] RunPunctuation = [.. ".,;:!?\"'()—–…"];

    // Words that make an umbrella sensible: a rainy sky or a likely chance of rain.
    public static bool MentionsUmbrella(string text) => Umbrella().IsMatch(text);

    [GeneratedRegex(@"\bumbrella", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Umbrella();

    private static Regex Compile(string phrase) => new(Pattern(phrase), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Pattern(string phrase)
    {
        var start = char.IsLetterOrDigit(phrase[0]) ? @"\b" : "";
        var end = char.IsLetterOrDigit(phrase[^1]) ? @"\b" : "";
        return "(?:" + start + Regex.Escape(phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + end + ")";
    }
}
