using System.Text.RegularExpressions;

namespace Ambient.Language;

/// <summary>
/// A plant's own numbers (<c>&lt;plantN_moisture&gt;</c>, <c>&lt;plantN_days&gt;</c>) must be said of that plant: the
/// plant a number belongs to is the one named last before it in its sentence (or, when none is, the first named after
/// it). The teacher writes them only that way ("<c>Fern is dry at &lt;plant2_moisture&gt;</c>", "the soil of Fern is at
/// …"); the model sometimes takes another plant's number ("Olive tree is dry at 69%" with Ficus's 69 %), which would
/// tell the household a wrong fact in a right-looking sentence.
/// </summary>
public static partial class PlantFactCheck
{
    /// <summary>One problem per plant number said of another plant (or of no plant).</summary>
    public static IEnumerable<string> Find(string delexText)
    {
        ArgumentNullException.ThrowIfNull(delexText);
        foreach (var sentence in SentenceBreak().Split(delexText))
        {
            var names = PlantMoodCheck.PlantName().Matches(sentence);
            foreach (Match number in PlantNumber().Matches(sentence))
            {
                var before = names.LastOrDefault(n => n.Index < number.Index);
                var owner = before ?? names.FirstOrDefault(n => n.Index > number.Index);
                if (owner is null)
                {
                    yield return $"{Problems.WrongPlantFact}: {number.Value} is said of no plant";
                }
                else if (owner.Groups[1].Value != number.Groups[1].Value)
                {
                    yield return $"{Problems.WrongPlantFact}: {number.Value} is said of {owner.Value}";
                }
            }
        }
    }

    [GeneratedRegex(@"(?<=[.!?])\s", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"<plant([1-9])_(?:moisture|days)>", RegexOptions.CultureInvariant)]
    private static partial Regex PlantNumber();
}
