using System.Text.RegularExpressions;

namespace Ambient.Language.Tests.Teacher;

public partial class TeacherGrammarTests
{
    private static IEnumerable<(Facts Facts, FactSheet Sheet, string Text)> Corpus(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var facts = RandomFacts.Next(random);
            var sheet = FactSheets.From(facts);
            yield return (facts, sheet, TeacherGrammar.Sample(sheet, random));
        }
    }

    [Fact]
    public void Every_sample_passes_the_validator()
    {
        foreach (var (_, sheet, text) in Corpus(1, 6000))
        {
            Assert.True(TextValidator.Validate(text, sheet).Count == 0, $"{sheet.Prompt}\n{text}\n{string.Join("\n", TextValidator.Validate(text, sheet))}");
        }
    }

    [Fact]
    public void Samples_never_contain_digits_or_raw_fact_values()
    {
        foreach (var (facts, _, text) in Corpus(2, 4000))
        {
            var words = SlotPattern().Replace(text, "");
            Assert.DoesNotMatch(@"\d", words);
            var values = new List<string> { facts.Person };
            values.AddRange(facts.NextEvents.Select(e => e.Title));
            values.AddRange(facts.NextEvents.Select(e => e.Location ?? ""));
            values.AddRange(facts.Plants.Select(p => p.Name));
            values.AddRange(facts.Reminders.Select(r => r.Title));
            foreach (var value in values.Where(v => v.Length >= 3))
            {
                // As a word: "Tom" may not appear, "Tomorrow" may.
                Assert.DoesNotMatch($@"(?<!\w){Regex.Escape(value)}(?!\w)", words);
            }
        }
    }

    [Fact]
    public void Openings_and_texts_are_diverse()
    {
        var mornings = Corpus(3, 6000).Where(c => c.Sheet.Intent == Intent.MorningGreeting).ToList();
        var openings = mornings.Select(c => string.Join(' ', c.Text.Split(' ').Take(3))).Distinct(StringComparer.Ordinal).Count();
        Assert.True(openings >= 30, $"only {openings} distinct morning openings");
        var texts = mornings.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count();
        Assert.True(texts >= mornings.Count / 3, $"only {texts} distinct texts in {mornings.Count} mornings");
    }

    [Fact]
    public void Each_intent_and_device_gets_texts()
    {
        var seen = Corpus(4, 3000).Select(c => (c.Sheet.Intent, c.Sheet.Device)).ToHashSet();
        foreach (var intent in Enum.GetValues<Intent>())
        {
            foreach (var device in Enum.GetValues<TargetDevice>())
            {
                Assert.Contains((intent, device), seen);
            }
        }
    }

    [Fact]
    public void The_same_seed_writes_the_same_texts()
    {
        Assert.Equal(Corpus(5, 300).Select(c => c.Text), Corpus(5, 300).Select(c => c.Text));
        Assert.NotEqual(Corpus(5, 300).Select(c => c.Text), Corpus(6, 300).Select(c => c.Text));
    }

    [Fact]
    public void A_stale_forecast_is_said_to_be_old()
    {
        foreach (var (_, sheet, text) in Corpus(7, 6000).Where(c => c.Sheet.WeatherIsStale && c.Text.Contains("<temp_now>", StringComparison.Ordinal)))
        {
            Assert.Contains("forecast", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tomorrow_is_only_said_of_tomorrows_events()
    {
        foreach (var (_, sheet, text) in Corpus(8, 6000).Where(c => c.Text.Contains("tomorrow", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.True(sheet.Events.Any(e => e.IsTomorrow) || sheet.Events.Count == 0, $"{sheet.Prompt}\n{text}");
        }
    }

    [Fact]
    public void The_earbud_gets_one_sentence_and_the_magnet_fits()
    {
        foreach (var (_, sheet, text) in Corpus(9, 3000))
        {
            var filled = SlotFiller.Fill(text, sheet);
            Assert.True(DeviceFit.Fits(filled, sheet.Device), filled);
            Assert.DoesNotContain('<', filled.Replace(SlotFiller.Fill("<name>", sheet), "", StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("<[^<>\\s]+>")]
    private static partial Regex SlotPattern();
}
