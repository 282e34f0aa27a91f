using System.Runtime.InteropServices;

namespace Ambient.Language.Model;

/// <summary>
/// Keeps a sample to its device's length while it is written. A text that has said everything it must and then runs
/// past the magnet's four lines (or the earbud's sentence) would be refused whole; instead, once the filled text no
/// longer fits, the decoder ends it at the last full sentence that had every required slot and still fit. It only
/// ever cuts at a sentence end the model itself wrote, so the text reads as the model wrote it, one sentence shorter.
/// </summary>
internal sealed class FitGuide
{
    private readonly BpeTokenizer _tokenizer;
    private readonly bool[] _endsSentence;
    private readonly FactSheet _sheet;

    /// <summary>A guide for one sheet; <paramref name="endsSentence"/> is <see cref="SentenceEnds"/> of the same tokenizer.</summary>
    public FitGuide(BpeTokenizer tokenizer, bool[] endsSentence, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(endsSentence);
        ArgumentNullException.ThrowIfNull(sheet);
        _tokenizer = tokenizer;
        _endsSentence = endsSentence;
        _sheet = sheet;
    }

    /// <summary>Per token id: whether its text ends a sentence (ends with '.', '!' or '?').</summary>
    public static bool[] SentenceEnds(BpeTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return tokenizer.ClassifyTokens(t => t.Length > 0 && t[^1] is '.' or '!' or '?', special: false);
    }

    public bool EndsSentence(int id) => id < _endsSentence.Length && _endsSentence[id];

    /// <summary>Whether the text so far, filled in, fits the sheet's device.</summary>
    public bool Fits(List<int> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var delex = _tokenizer.Decode(CollectionsMarshal.AsSpan(text));
        return DeviceFit.Fits(SlotFiller.Fill(delex, _sheet), _sheet.Device);
    }

    /// <summary>
    /// The text without its lead ("Hi &lt;name&gt;, plant check: …" → "…", capitalised), or null when it has none: a
    /// first clause ending in ':' before any sentence end, with no slot but the name. Leads are optional in the
    /// teacher's every intent, so what is left is a text the teacher also writes; the generator tries it when a
    /// sample is refused only for its length (a magnet plant report is usually over by a few characters: the lead).
    /// </summary>
    public static string? WithoutLead(string delexText)
    {
        ArgumentNullException.ThrowIfNull(delexText);
        var colon = delexText.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || delexText.AsSpan(0, colon).IndexOfAny(".!?") >= 0)
        {
            return null;
        }

        var lead = delexText[..colon].Replace(SlotNames.Name, "", StringComparison.Ordinal);
        var rest = delexText[(colon + 2)..];
        if (lead.Contains('<', StringComparison.Ordinal) || rest.Length == 0)
        {
            return null;
        }

        return char.IsLower(rest[0]) ? char.ToUpperInvariant(rest[0]) + rest[1..] : rest;
    }
}
