using System.Text.RegularExpressions;

namespace Ambient.Language;

/// <summary>Finds "&lt;…&gt;" tokens in delexicalised text (slots, or anything that looks like one).</summary>
internal static partial class SlotTokens
{
    [GeneratedRegex(@"<[^<>\s]{1,40}>", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    public static IEnumerable<string> In(string text)
    {
        foreach (Match m in Pattern().Matches(text))
        {
            yield return m.Value;
        }
    }
}
