using System.Runtime.InteropServices;

namespace Ambient.Language.Model;

/// <summary>
/// Keeps a sample's plants to their own moods while it is written (guided decoding). In reports of several plants
/// the model sometimes gives a plant another's mood ("a cooler corner for Fern" when Fern is cold); the validator's
/// <see cref="PlantMoodCheck"/> would refuse the whole text and the sample would be drawn again from the start.
/// Instead, each time a word or slot is complete the decoder asks <see cref="Check"/>; when the text so far already
/// breaks the rule it goes back to the plant's name and puts in the name of a plant the words fit (keeping the
/// words, which the decoder feeds again), or failing that draws the wrong word again. The model still writes every
/// word.
/// </summary>
internal sealed class PlantMoodGuide
{
    private readonly BpeTokenizer _tokenizer;
    private readonly bool[] _startsWord;
    private readonly FactSheet _sheet;

    /// <summary>A guide for one sheet; <paramref name="startsWord"/> is <see cref="WordStarts"/> of the same tokenizer (once per model).</summary>
    public PlantMoodGuide(BpeTokenizer tokenizer, bool[] startsWord, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(startsWord);
        ArgumentNullException.ThrowIfNull(sheet);
        _tokenizer = tokenizer;
        _startsWord = startsWord;
        _sheet = sheet;
    }

    /// <summary>
    /// Per token id: whether it starts a new word (a slot or control token, or text that begins with a space or
    /// punctuation), so the word before it is complete. Pieces of multi-byte characters count as inside a word.
    /// </summary>
    public static bool[] WordStarts(BpeTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return tokenizer.ClassifyTokens(t => t.Length > 0 && t[0] < 128 && !char.IsLetterOrDigit(t[0]) && t[0] != '\'', special: true);
    }

    /// <summary>Whether the guide has anything to check for this sheet.</summary>
    public static bool Applies(FactSheet sheet) => sheet.PlantMoods.Count > 0;

    /// <summary>Whether <paramref name="id"/> completes the word before it (only then is the text worth checking).</summary>
    public bool CompletesWord(int id) => id < _startsWord.Length && _startsWord[id];

    /// <summary>
    /// Where to go back to when the text so far gives a plant another mood's word, or null when it keeps every plant
    /// to its mood. Unless <paramref name="ended"/>, a word still being written at the end is not judged yet ("warm"
    /// may become "warmer"). First choice: the plant's name is replaced by one of the plants, not named yet, whose
    /// mood the words fit, and the words stay ("a cooler corner for Fern" → "… for Ivy", the hot one; "Fern is a
    /// little warm, and" → "Ivy is a little warm, and", then the model writes on): a model that ties moods to the order
    /// plants come in often has the right words for the wrong name, and a name is always grammatical where a name
    /// was. When no such plant is left,
    /// the wrong word itself is drawn again without it (<see cref="Backtrack.OnlyFrom"/> null), which the decoder
    /// allows only while the model has a real alternative there (see TextDecoder's MinMassAfterBan).
    /// </summary>
    public Backtrack? Check(List<int> text, bool ended)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = CollectionsMarshal.AsSpan(text);
        var delex = _tokenizer.Decode(tokens);
        var end = delex.Length;
        while (!ended && end > 0 && char.IsLetter(delex[end - 1]))
        {
            end--;
        }

        foreach (var wrong in PlantMoodCheck.Findings(delex[..end], _sheet))
        {
            var fitting = FittingNames(wrong.Word, tokens);
            return fitting.Length > 0
                ? new Backtrack(TokenAt(tokens, wrong.NameIndex), fitting)
                : new Backtrack(TokenAt(tokens, wrong.WordIndex), null);
        }

        return null;
    }

    // The name slots of plants whose mood the word belongs to and that the text has not named yet.
    private int[] FittingNames(string word, ReadOnlySpan<int> tokens)
    {
        var fitting = new List<int>();
        for (var plant = 1; plant <= _sheet.PlantMoods.Count; plant++)
        {
            if (PlantMoodCheck.IsWordOf(word, _sheet.PlantMoods[plant - 1])
                && _sheet.SlotValues.ContainsKey(SlotNames.PlantName(plant))
                && _tokenizer.TryGetSpecialId(SlotNames.PlantName(plant), out var id)
                && !tokens.Contains(id))
            {
                fitting.Add(id);
            }
        }

        return [.. fitting];
    }

    // The token whose text holds character charIndex: the last one that starts at or before it.
    private int TokenAt(ReadOnlySpan<int> tokens, int charIndex)
    {
        for (var i = tokens.Length - 1; i > 0; i--)
        {
            if (_tokenizer.Decode(tokens[..i]).Length <= charIndex)
            {
                return i;
            }
        }

        return 0;
    }
}

/// <summary>
/// Go back to text position <paramref name="Position"/> and draw the token there again: from <paramref name="OnlyFrom"/>
/// (plant names), or, when null, anything but the token drawn before.
/// </summary>
internal readonly record struct Backtrack(int Position, int[]? OnlyFrom);
