using System.Text.RegularExpressions;

namespace Ambient.Language.Tests.Teacher;

/// <summary>
/// Reminder and event titles are often verb phrases ("Take vitamins", "Pick up Leo"): the grammar never treats them as
/// a noun with "is" ("Take vitamins is at 8:00").
/// </summary>
public partial class PhrasingTests
{
    [Fact]
    public void Titles_are_never_followed_by_is()
    {
        var random = new Random(21);
        var reminders = 0;
        for (var i = 0; i < 6000; i++)
        {
            var facts = RandomFacts.Next(random);
            var sheet = FactSheets.From(facts);
            var text = TeacherGrammar.Sample(sheet, random);
            Assert.DoesNotMatch(TitleIs(), text);
            Assert.DoesNotMatch(CapitalAfterName(), text);
            reminders += text.Contains("<reminder_title>", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(reminders > 500, $"only {reminders} reminder texts");
    }

    [Fact]
    public void Thousands_of_samples_fit_their_device_and_never_nag()
    {
        var random = new Random(22);
        for (var i = 0; i < 5000; i++)
        {
            var sheet = FactSheets.From(RandomFacts.Next(random));
            var text = TeacherGrammar.Sample(sheet, random);
            var filled = SlotFiller.Fill(text, sheet);
            Assert.True(TextValidator.IsValid(text, sheet), $"{sheet.Prompt}\n{text}");
            Assert.True(DeviceFit.Fits(filled, sheet.Device), $"{sheet.Device}: {filled}");
            Assert.Empty(StyleRules.Find(text));
            Assert.True(text.Count(c => c == '!') <= (sheet.Persona == Persona.Cheerful ? 1 : 0), text);
        }
    }

    [Fact]
    public void Phrase_lists_have_no_title_is_form()
    {
        string[][] lists =
        [
            ReminderPhrases.Plain, ReminderPhrases.Named, ReminderPhrases.Cores, ReminderPhrases.TimeFirst, EventPhrases.FirstToday,
            EventPhrases.MorningFirst, EventPhrases.NextToday, EventPhrases.LaterToday, EventPhrases.FirstTomorrow, EventPhrases.OnDay,
        ];
        foreach (var phrase in lists.SelectMany(l => l))
        {
            Assert.DoesNotMatch(TitleIs(), phrase.Replace("#", "1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Template_reminder_reads_well_for_a_verb_title()
    {
        var facts = TestFacts.Greeting(Intent.Reminder, TargetDevice.Earbud, reminders: [new("Take vitamins", TestFacts.Morning.AddMinutes(45), null)]);
        var text = new TemplateGenerator().Generate(facts).Text;
        Assert.Equal("Take vitamins at 8:00.", text);
    }

    [GeneratedRegex(@"<(?:reminder|event\d)_title> (?:is|are|starts|begins)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TitleIs();

    // "<name>, A tiny prompt: …": a phrase after the name continues the sentence ("I" and "OK" may stay capital).
    [GeneratedRegex(@"<name>, (?!I\b|OK\b)[A-Z]")]
    private static partial Regex CapitalAfterName();
}
