namespace Ambient.Language.Model;

/// <summary>
/// The memory hook: a text may not open with the same first three words as one of <see cref="Facts.RecentTexts"/>
/// ("Good morning, Ana." every day reads like a machine). Words compare without case and surrounding punctuation.
/// </summary>
internal static class RecentOpenings
{
    public const string Problem = "repeated-opening";

    private const int Words = 3;

    /// <summary>The problem string, or null when the opening is new (or there are no recent texts).</summary>
    public static string? Check(string text, IReadOnlyList<string>? recentTexts)
    {
        if (recentTexts is null || recentTexts.Count == 0)
        {
            return null;
        }

        var opening = Opening(text);
        if (opening.Length == 0)
        {
            return null;
        }

        foreach (var recent in recentTexts)
        {
            if (recent is not null && Opening(recent).SequenceEqual(opening, StringComparer.OrdinalIgnoreCase))
            {
                return $"{Problem}: \"{string.Join(' ', opening)}\" opens a recent text";
            }
        }

        return null;
    }

    private static string[] Opening(string text) =>
        [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Punctuation))
            .Where(w => w.Length > 0)
            .Take(Words)];

    private static readonly char[] Punctuation = [.. ".,;:!?\"'()—–-…"];
}
