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
}
