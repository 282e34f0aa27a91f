using CsCheck;

namespace Ambient.Language.Tests.Template;

public class TemplateGeneratorTests
{
    private readonly TemplateGenerator generator = new();

    [Fact]
    public void Same_facts_same_text_made_by_the_template()
    {
        var facts = TestFacts.Greeting(weather: TestFacts.Rainy, events: [TestFacts.Dentist(location: "Main Street")]);
        var first = generator.Generate(facts);
        Assert.Equal(first.Text, generator.Generate(facts).Text);
        Assert.Equal(MadeBy.Template, first.MadeBy);
        Assert.Equal(1, first.Attempts);
        Assert.Empty(first.Problems);
        Assert.True(first.Milliseconds >= 0);
        Assert.StartsWith("Good morning, Ana.", first.Text, StringComparison.Ordinal);
        Assert.Contains("7°", first.Text, StringComparison.Ordinal);
        Assert.Contains("Dentist at 9:30", first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_open_the_way_recent_texts_did()
    {
        var facts = TestFacts.Greeting(weather: TestFacts.Rainy);
        var today = generator.Generate(facts).Text;
        var tomorrow = generator.Generate(facts with { RecentTexts = [today] }).Text;
        Assert.NotEqual(Opening(today), Opening(tomorrow));
        var third = generator.Generate(facts with { RecentTexts = [tomorrow, today] }).Text;
        Assert.NotEqual(Opening(third), Opening(today));
        Assert.NotEqual(Opening(third), Opening(tomorrow));
    }

    [Fact]
    public void When_every_opening_was_used_the_oldest_comes_back()
    {
        var facts = TestFacts.Greeting(persona: "brief");
        var sheet = FactSheets.From(facts);
        var openings = TextComposer.Openings(sheet).Select(o => SlotFiller.Fill(o, sheet).TrimEnd('.', '!', '?', ':')).ToList();
        var used = new List<string>();
        for (var i = 0; i < openings.Count; i++)
        {
            used.Insert(0, generator.Generate(facts with { RecentTexts = [.. used] }).Text);
        }

        // Each text started with a different opening (the longest one it starts with, as "Hi Ana" is in "Hi Ana, briefly").
        var starts = used.Select(t => openings.Where(o => t.StartsWith(o, StringComparison.Ordinal)).MaxBy(o => o.Length)).ToList();
        Assert.DoesNotContain(null, starts);
        Assert.Equal(openings.Count, starts.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(used[^1], generator.Generate(facts with { RecentTexts = [.. used] }).Text);
    }

    [Theory]
    [InlineData(Intent.MorningGreeting)]
    [InlineData(Intent.EveningSummary)]
    [InlineData(Intent.Reminder)]
    [InlineData(Intent.PlantReport)]
    [InlineData(Intent.WhatsNext)]
    public void Extreme_facts_still_fit_every_device(Intent intent)
    {
        foreach (var device in Enum.GetValues<TargetDevice>())
        {
            foreach (var persona in new[] { "warm", "brief", "cheerful" })
            {
                var facts = TestFacts.Extreme(intent, device, persona);
                var sheet = FactSheets.From(facts);
                var delex = TeacherGrammar.TemplateText(sheet, []);
                Assert.Empty(TextValidator.Validate(delex, sheet));
                var text = generator.Generate(facts).Text;
                Assert.True(DeviceFit.Fits(text, device), $"{device}: {text}");
            }
        }
    }

    [Fact]
    public void Extreme_magnet_morning_still_says_what_is_required()
    {
        var text = generator.Generate(TestFacts.Extreme(Intent.MorningGreeting, TargetDevice.Magnet)).Text;
        Assert.Contains("Maximilian", text, StringComparison.Ordinal);
        Assert.Contains("-30°", text, StringComparison.Ordinal);
        Assert.Contains("Quarterly planning", text, StringComparison.Ordinal);
        Assert.Contains("Thursday", text, StringComparison.Ordinal);
        Assert.True(DeviceFit.Wrap(text)!.Count <= 4);
    }

    [Fact]
    public void Random_facts_never_fail_validation_and_always_fit()
    {
        Gen.Int.Sample(seed =>
        {
            var facts = RandomFacts.Next(new Random(seed));
            var sheet = FactSheets.From(facts);
            var delex = TeacherGrammar.TemplateText(sheet, facts.RecentTexts ?? []);
            Assert.Empty(TextValidator.Validate(delex, sheet));
            var text = generator.Generate(facts).Text;
            Assert.Equal(SlotFiller.Fill(delex, sheet), text);
            Assert.True(DeviceFit.Fits(text, facts.Target), text);
        }, iter: 3000);
    }

    [Fact]
    public void The_minimal_text_is_valid_for_every_intent_and_device()
    {
        Gen.Int.Sample(seed =>
        {
            var sheet = FactSheets.From(RandomFacts.Next(new Random(seed)));
            Assert.Empty(TextValidator.Validate(TeacherGrammar.MinimalText(sheet), sheet));
        }, iter: 1000);
    }

    private static string Opening(string text) => text.Split('.', ',', '?', '!')[0];
}
