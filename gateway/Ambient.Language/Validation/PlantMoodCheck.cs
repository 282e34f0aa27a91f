using System.Text.RegularExpressions;

namespace Ambient.Language;

/// <summary>
/// Checks that each plant is described with its own mood. In multi-plant reports a writer can swap moods ("Fern is
/// thirsty" when Fern is soggy); every slot is right, so only the words around the name give it away. A clause that
/// names exactly one plant may not use a word that belongs only to another mood (the sheet's
/// <see cref="FactSheet.PlantMoods"/>, from the prompt's plant tokens, says which mood is right).
/// </summary>
public static partial class PlantMoodCheck
{
    // The words each mood is said with, as the teacher grammar (Teacher/PlantPhrases.cs) writes them. A word listed
    // under several moods ("water": thirsty, soggy, and fine plants that need none) never decides anything alone.
    private static readonly Dictionary<PlantMood, string[]> Lexicon = new()
    {
        [PlantMood.Thirsty] =
        [
            "thirsty", "dry", "dried", "drier", "drink", "sip", "parched", "some water", "short of water", "top-up", "water", "watering",
            "moisture",
        ],
        [PlantMood.Soggy] =
        [
            "soggy", "wet", "waterlogged", "drain", "drained", "soaked", "damp", "saucer", "too much water", "overwatered", "sodden",
            "drenched", "swimming in water", "waterings",
            "water", "watering", "moisture",
        ],
        [PlantMood.TooDark] = ["dark", "darker", "dim", "light", "lighter", "daylight", "brighter", "bright", "sun", "sunny", "sunnier", "shadows", "shady"],
        [PlantMood.TooCold] = ["cold", "chill", "chilly", "chilled", "warmer", "cosier", "draughty", "shivering", "freezing"],
        [PlantMood.TooHot] = ["hot", "warm", "heat", "cooler", "baking", "overheating", "overheated", "scorching"],
        [PlantMood.Ok] =
        [
            "fine", "happy", "well", "good", "thriving", "content", "great", "comfortable", "water", "moisture", "shape",
            "just right", "dandy", "no worries", "nothing to do",
        ],
    };

    private static readonly Dictionary<PlantMood, Regex> Words = Lexicon.ToDictionary(e => e.Key, e => Compile(e.Value, @"\b", @"\b"));

    // A found phrase is the plant's own only when it is one of its mood's phrases whole ("some water" is not Ok's
    // just because "water" is).
    private static readonly Dictionary<PlantMood, Regex> WholeWords = Lexicon.ToDictionary(e => e.Key, e => Compile(e.Value, "^", "$"));

    /// <summary>Whether <paramref name="word"/>, as found in a clause, is one of <paramref name="mood"/>'s own phrases.</summary>
    internal static bool IsWordOf(string word, PlantMood mood) => WholeWords[mood].IsMatch(word);

    /// <summary>The mood words of a mood (for tests and for writers that want to keep to them).</summary>
    public static IReadOnlyList<string> WordsOf(PlantMood mood) => Lexicon[mood];

    /// <summary>
    /// One problem per clause that says a mood word of another mood than its plant's, and one per finished sentence
    /// that names a plant but says nothing of it ("…, and Ivy.").
    /// </summary>
    public static IEnumerable<string> Find(string delexText, FactSheet sheet) =>
        Findings(delexText, sheet, unspoken: true).Select(f => f.WordIndex switch
        {
            -1 => $"{Problems.UnspokenPlant}: <plant{f.Plant}_name> is named but nothing is said of it",
            -2 => $"{Problems.WrongPlantMood}: <plant{f.Plant}_name> shares a clause with another plant",
            _ => $"{Problems.WrongPlantMood}: <plant{f.Plant}_name> is {f.Own} but the text says \"{f.Word}\"",
        });

    /// <summary>
    /// As <see cref="Find"/>, with where each problem is: the character index of the plant's name and of the wrong
    /// word (the decoder's guide goes back to whichever of the two came last). With <paramref name="unspoken"/>, also
    /// a plant named in a finished sentence with no mood word after it (<see cref="WrongMood.Word"/> empty).
    /// </summary>
    internal static IEnumerable<WrongMood> Findings(string delexText, FactSheet sheet, bool unspoken = false)
    {
        ArgumentNullException.ThrowIfNull(delexText);
        ArgumentNullException.ThrowIfNull(sheet);
        if (sheet.PlantMoods.Count == 0)
        {
            yield break;
        }

        foreach (var (sentenceStart, sentenceLength) in Pieces(SentenceBreak(), delexText, 0, delexText.Length))
        {
            // A clause that only names its plant ("Fern, thirsty" or "For Fern, the soil is dry") hands the name on
            // to the nameless clauses after it in the sentence, up to the first that says a mood word.
            (int Plant, int At)? carried = null;
            foreach (var (start, length) in Pieces(ClauseBreak(), delexText, sentenceStart, sentenceLength))
            {
                var clause = delexText.Substring(start, length);
                var names = PlantName().Matches(clause).DistinctBy(m => m.Groups[1].Value).ToList();
                (int Plant, int At)? named = names.Count switch
                {
                    1 => (names[0].Groups[1].Value[0] - '0', start + names[0].Index),
                    0 => carried,
                    _ => null,
                };
                if (unspoken && names.Count > 1 && names[1].Groups[1].Value[0] - '0' is var second && second <= sheet.PlantMoods.Count)
                {
                    // "Fern would like a dim corner for Ivy": the teacher gives each plant a clause of its own.
                    yield return new WrongMood(second, sheet.PlantMoods[second - 1], "", start + names[1].Index, -2);
                }

                carried = null;
                if (named is not { } n || n.Plant < 1 || n.Plant > sheet.PlantMoods.Count)
                {
                    continue;
                }

                var own = sheet.PlantMoods[n.Plant - 1];
                // Slots blanked to spaces of their own length, so indices still point into the text.
                var words = SlotTokens.Pattern().Replace(clause, m => new string(' ', m.Length));
                if (!Words.Values.Any(w => w.IsMatch(words)))
                {
                    carried = n;
                    continue;
                }

                foreach (var wrong in Wrong(words, own))
                {
                    yield return new WrongMood(n.Plant, own, wrong.Value, n.At, start + wrong.Index);
                    break;
                }
            }

            // A name still waiting for its words when the sentence has ended: the teacher never leaves a plant bare.
            var finished = sentenceStart + sentenceLength < delexText.Length;
            if (unspoken && finished && carried is { } bare)
            {
                yield return new WrongMood(bare.Plant, sheet.PlantMoods[bare.Plant - 1], "", bare.At, -1);
            }
        }
    }

    // Words of other moods that are not also words of the plant's own mood.
    private static IEnumerable<Match> Wrong(string words, PlantMood own)
    {
        foreach (var (mood, pattern) in Words)
        {
            if (mood == own)
            {
                continue;
            }

            foreach (Match m in pattern.Matches(words))
            {
                if (!WholeWords[own].IsMatch(m.Value))
                {
                    yield return m;
                }
            }
        }
    }

    // The pieces of text[start..start+length] between the separator's matches, as (start, length) in text.
    private static IEnumerable<(int Start, int Length)> Pieces(Regex separator, string text, int start, int length)
    {
        var at = start;
        foreach (Match m in separator.Matches(text.Substring(start, length)))
        {
            yield return (at, start + m.Index - at);
            at = start + m.Index + m.Length;
        }

        yield return (at, start + length - at);
    }

    private static Regex Compile(IEnumerable<string> phrases, string start, string end) =>
        new(start + "(?:" + string.Join('|', phrases.Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+", StringComparison.Ordinal))) + ")" + end,
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"[.!?]", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    // Clauses end at list punctuation and at "and"/"but" ("Basil would like water and Fern is happy").
    [GeneratedRegex(@"[;:,]|\s(?:and|but)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    /// <summary>A plant's name slot; group 1 is its number.</summary>
    [GeneratedRegex(@"<plant([1-9])_name>", RegexOptions.CultureInvariant)]
    internal static partial Regex PlantName();
}

/// <summary>A plant said with another mood's word: which plant, its mood, the word, and where name and word are.</summary>
internal readonly record struct WrongMood(int Plant, PlantMood Own, string Word, int NameIndex, int WordIndex);
