using System.Globalization;
using System.Text.RegularExpressions;

namespace Ambient.Language;

/// <summary>
/// Checks a delexicalised text against its sheet before anyone sees it: slots (unknown, repeated, missing), numbers
/// only from slots, the device's length and shape, and the style guide. Every sample of the model and every text
/// of the teacher and the template goes through here.
/// </summary>
public static partial class TextValidator
{
    /// <summary>The problems found, each starting with a <see cref="Problems"/> kind; empty when the text may be sent.</summary>
    public static IReadOnlyList<string> Validate(string delexText, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(delexText);
        ArgumentNullException.ThrowIfNull(sheet);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(delexText))
        {
            problems.Add($"{Problems.Empty}: no text");
            return problems;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in SlotTokens.In(delexText))
        {
            if (!sheet.Has(token))
            {
                problems.Add(SlotNames.IsSlot(token)
                    ? $"{Problems.UnknownSlot}: {token} has no fact here"
                    : $"{Problems.UnknownSlot}: {token} is not a slot");
                continue;
            }

            seen[token] = seen.GetValueOrDefault(token) + 1;
            if (seen[token] == 2)
            {
                problems.Add($"{Problems.RepeatedSlot}: {token}");
            }
        }

        foreach (var slot in sheet.RequiredSlots)
        {
            if (!seen.ContainsKey(slot))
            {
                problems.Add($"{Problems.MissingSlot}: {slot}");
            }
        }

        // Everything that is not a slot is the writer's own words; those never carry a number.
        var words = SlotTokens.Pattern().Replace(delexText, "X");
        if (words.Any(char.IsDigit))
        {
            problems.Add($"{Problems.Digits}: \"{FirstDigitRun().Match(words).Value}\"");
        }

        if (words.Count(c => c == '!') > 1)
        {
            problems.Add($"{Problems.Exclamations}: {words.Count(c => c == '!')} '!'");
        }

        foreach (var phrase in StyleRules.Find(words))
        {
            problems.Add($"{Problems.Blacklisted}: \"{phrase}\"");
        }

        if (StyleRules.BrokenGrammar(words) is { } clash)
        {
            problems.Add($"{Problems.Grammar}: \"{clash}\"");
        }

        // The teacher capitalises every sentence; the model's "<condition>. outside, so you know." has lost the thread.
        if (LowerSentenceStart().Match(words) is { Success: true } lower)
        {
            problems.Add($"{Problems.Grammar}: a sentence starts in lower case (\"{lower.Value.TrimStart('.', '!', '?', ' ')}\")");
        }

        // "Basil rest look content": a plant's name where "the" of "the rest"/"the others" belongs.
        if (NameForArticle().Match(delexText) is { Success: true } article)
        {
            problems.Add($"{Problems.Grammar}: \"{article.Value}\"");
        }

        // The rain chance is called likely from 40 % (the prompt's <rain:likely>), unlikely below.
        if (sheet.Has(SlotNames.RainChance) && (sheet.RainLikely ? RainUnlikelyWords() : RainLikelyWords()).Match(words) is { Success: true } rain)
        {
            problems.Add($"{Problems.Unsupported}: \"{rain.Value}\" with a {(sheet.RainLikely ? "likely" : "low")} rain chance");
        }

        if (StyleRules.MentionsUmbrella(words) && !WetSky(sheet))
        {
            problems.Add($"{Problems.Unsupported}: umbrella without rain in the forecast");
        }

        problems.AddRange(PlantMoodCheck.Find(delexText, sheet));
        problems.AddRange(PlantFactCheck.Find(delexText));

        if (StyleRules.RepeatedRun(delexText) is { } run)
        {
            problems.Add($"{Problems.Repeated}: \"{run}\" twice");
        }

        if (words != words.Trim() || words.Contains("  ", StringComparison.Ordinal) || SpaceBeforePunctuation().IsMatch(words)
            || NoSpaceAfterSentence().IsMatch(words))
        {
            problems.Add($"{Problems.Spacing}: stray spaces");
        }

        if (sheet.Device == TargetDevice.Earbud)
        {
            var sentences = SentenceEnd().Count(words);
            if (sentences != 1 || !SentenceEnd().IsMatch(words[^1..]) || words.Contains('\n', StringComparison.Ordinal))
            {
                problems.Add($"{Problems.NotOneSentence}: {sentences} sentence ends");
            }
        }

        var filled = SlotFiller.Fill(delexText, sheet);
        if (filled.Length > sheet.MaxChars)
        {
            problems.Add($"{Problems.TooLong}: {filled.Length.ToString(CultureInfo.InvariantCulture)} > {sheet.MaxChars.ToString(CultureInfo.InvariantCulture)} characters");
        }
        else if (sheet.Device == TargetDevice.Magnet && !DeviceFit.Fits(filled, TargetDevice.Magnet))
        {
            var lines = DeviceFit.Wrap(filled);
            problems.Add(lines is null
                ? $"{Problems.TooLong}: a word is longer than a magnet line"
                : $"{Problems.TooLong}: {lines.Count.ToString(CultureInfo.InvariantCulture)} > {DeviceLimits.MagnetLines.ToString(CultureInfo.InvariantCulture)} magnet lines");
        }

        return problems;
    }

    public static bool IsValid(string delexText, FactSheet sheet) => Validate(delexText, sheet).Count == 0;

    private static bool WetSky(FactSheet sheet) =>
        sheet.RainLikely || sheet.Sky is Sky.Drizzle or Sky.Rain or Sky.FreezingRain or Sky.Thunderstorm;

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex FirstDigitRun();

    // A sentence ends at . ! ? (or a run of them) followed by a space or the end of the text.
    [GeneratedRegex(@"[.!?]+(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<!un)\blikely\b|\bgood X chance\b|\bsoggy X chance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RainLikelyWords();

    [GeneratedRegex(@"\bunlikely\b|\bslim X chance\b|\bonly a X chance\b|\bjust X for rain\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RainUnlikelyWords();

    [GeneratedRegex(@"<plant\d_name>\s+(?:rest|others)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameForArticle();

    [GeneratedRegex(@"[.!?;,][A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex NoSpaceAfterSentence();

    [GeneratedRegex(@"[.!?]\s+[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex LowerSentenceStart();

    [GeneratedRegex(@"\s[,.!?;:]", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();
}
