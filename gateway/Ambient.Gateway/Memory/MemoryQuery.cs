using System.Text;

namespace Ambient.Gateway.Memory;

/// <summary>
/// Turns what a person typed into an FTS5 query that cannot be a syntax error: every word becomes a quoted
/// string (FTS5 §3.1: inside "…" only a doubled quote is special), so operators such as NEAR, AND, OR, NOT, *, -,
/// ^ and column filters are searched for as plain words. Text in double quotes stays together as a phrase; an
/// unclosed quote runs to the end. Terms are ANDed. Pure.
/// </summary>
internal static class MemoryQuery
{
    /// <summary>The FTS5 MATCH expression, or null when the input has no searchable word (only punctuation).</summary>
    public static string? ToMatch(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var terms = new List<string>();
        var inPhrase = false;
        var current = new StringBuilder();
        foreach (var c in input)
        {
            if (c == '"')
            {
                Flush(terms, current);
                inPhrase = !inPhrase;
            }
            else if (char.IsWhiteSpace(c) && !inPhrase)
            {
                Flush(terms, current);
            }
            else
            {
                current.Append(c);
            }
        }

        Flush(terms, current);
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    private static void Flush(List<string> terms, StringBuilder current)
    {
        var term = current.ToString().Trim();
        current.Clear();
        // A term without a letter or digit tokenizes to nothing; an empty phrase would match nothing anyway.
        if (term.Any(char.IsLetterOrDigit))
        {
            terms.Add("\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        }
    }
}
