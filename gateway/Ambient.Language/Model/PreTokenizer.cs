namespace Ambient.Language.Model;

/// <summary>One piece of pre-split text: a special token (<c>&lt;name&gt;</c>) or a chunk for the byte-level BPE.</summary>
internal readonly record struct TextPiece(string Text, bool IsSpecial);

/// <summary>
/// README §3's pre-splitting rule, exactly as <c>gateway/model/ambient_lm/bpe.py</c>: specials (exact matches from
/// the list, longest first) come out whole; the rest is cut into chunks of an optional single leading space (0x20)
/// followed by a maximal run of one class — letters (ASCII letters, every non-ASCII character, an apostrophe with a
/// letter on both sides), digits, or other non-whitespace characters; whitespace (space, \t \n \r \v \f) not taken
/// as a leading space is a maximal run of its own. Regex equivalent: <c> ?L+('L+)*| ?D+| ?O+|W+</c>. (Python walks code
/// points, this UTF-16 units: every non-ASCII unit, surrogates included, is a letter, so the chunks are the same.)
/// </summary>
internal sealed class PreTokenizer
{
    // Candidates by first character, longest first, so a special that is a prefix of another never wins (as bpe.py).
    private readonly Dictionary<char, string[]> _byFirst;

    public PreTokenizer(IEnumerable<string> specials) =>
        _byFirst = specials
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(s => s[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Length).ToArray());

    private enum CharClass
    {
        Space,
        Letter,
        Digit,
        Other,
    }

    public List<TextPiece> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<TextPiece>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var hit = SpecialAt(text, i);
            if (hit is null)
            {
                i++;
                continue;
            }

            Chunks(text, plainStart, i, pieces);
            pieces.Add(new TextPiece(hit, IsSpecial: true));
            i += hit.Length;
            plainStart = i;
        }

        Chunks(text, plainStart, text.Length, pieces);
        return pieces;
    }

    private string? SpecialAt(string text, int i)
    {
        if (_byFirst.TryGetValue(text[i], out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (text.AsSpan(i).StartsWith(candidate, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static CharClass ClassOf(char c) => c switch
    {
        ' ' or '\n' or '\r' or '\t' or '\f' or '\v' => CharClass.Space,
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= (char)0x80 => CharClass.Letter,
        >= '0' and <= '9' => CharClass.Digit,
        _ => CharClass.Other,
    };

    private static void Chunks(string text, int start, int end, List<TextPiece> pieces)
    {
        var i = start;
        while (i < end)
        {
            var chunkStart = i;
            if (text[i] == ' ' && i + 1 < end && ClassOf(text[i + 1]) != CharClass.Space)
            {
                i++;
            }

            var cls = ClassOf(text[i]);
            if (cls == CharClass.Space)
            {
                // Whitespace not taken as a single leading space: one maximal run of its own.
                while (i < end && ClassOf(text[i]) == CharClass.Space)
                {
                    i++;
                }
            }
            else
            {
                i++;
                while (i < end)
                {
                    var next = ClassOf(text[i]);
                    if (next == cls)
                    {
                        i++;
                    }
                    else if (cls == CharClass.Letter && text[i] == '\'' && i + 1 < end && ClassOf(text[i + 1]) == CharClass.Letter)
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }
            }

            pieces.Add(new TextPiece(text[chunkStart..i], IsSpecial: false));
        }
    }
}
