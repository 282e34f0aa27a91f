using Ambient.Gateway.Greetings;
using Ambient.Protocol;

namespace Ambient.Gateway.Tests.Greetings;

public sealed class TemplateGreetingTests
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 7, 40, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_morning_greeting_says_each_fact_once_in_its_own_section()
    {
        var facts = new GreetingFacts(
            "Ana", Morning, new WeatherFacts(3, 7, 2, "Light rain", 80, IsStale: false),
            [new EventFacts("Dentist", Morning.AddHours(2).AddMinutes(-10), false, "Main St 4")],
            [new PlantFacts("basil", PlantCondition.Thirsty, 18, 0)],
            []);

        var message = TemplateGreeting.Compose(facts);

        Assert.Equal([LayoutHint.Greeting, LayoutHint.Weather, LayoutHint.NextEvent, LayoutHint.PlantAlert], message.Sections.Select(s => s.Hint));
        Assert.Equal("Good morning, Ana.", message.Sections[0].Text);
        Assert.Equal("3° now, light rain, 2–7°, 80% rain", message.Sections[1].Text);
        Assert.Equal("9:30 Dentist, Main St 4", message.Sections[2].Text);
        Assert.Equal("The basil would like water (18%)", message.Sections[3].Text);
        Assert.Equal(FrameEncoder.Encode(message).Length, FrameEncoder.Encode(TemplateGreeting.Compose(facts)).Length);
    }

    [Fact]
    public void Without_weather_events_or_plant_trouble_it_is_just_the_greeting()
    {
        var message = TemplateGreeting.Compose(new GreetingFacts("Sam", Morning.AddHours(11), null, [], [], []));

        Assert.Equal("Good evening, Sam.", Assert.Single(message.Sections).Text);
    }

    [Fact]
    public void Every_number_in_the_text_comes_from_the_facts()
    {
        var facts = new GreetingFacts(
            "Ana", Morning, new WeatherFacts(-4, 1, -6, "Snow", 20, IsStale: true),
            [new EventFacts("School run", Morning.AddMinutes(35), false, null)],
            [new PlantFacts("monstera", PlantCondition.TooDark, 55, 6)],
            []);
        var allowed = new HashSet<string> { "-4", "1", "-6", "20", "8", "15", "55", "6" };

        var text = string.Join(" ", TemplateGreeting.Compose(facts).Sections.Select(s => s.Text));

        foreach (System.Text.RegularExpressions.Match number in System.Text.RegularExpressions.Regex.Matches(text, @"-?\d+"))
        {
            Assert.Contains(number.Value, allowed);
        }

        Assert.Contains("(earlier forecast)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("20% rain", text, StringComparison.Ordinal); // a low chance of rain is not worth the space
    }

    [Fact]
    public void The_opening_changes_when_yesterdays_greeting_used_it()
    {
        var fresh = new GreetingFacts("Ana", Morning, null, [], [], []);
        var afterYesterday = fresh with { RecentTexts = ["Good morning, Ana. | 3° now, light rain, 2–7°"] };
        var afterTwoDays = fresh with { RecentTexts = ["Morning, Ana. | 5° now, clear, 1–9°", "Good morning, Ana. | 3° now, light rain, 2–7°"] };

        Assert.Equal("Good morning, Ana.", TemplateGreeting.Compose(fresh).Sections[0].Text);
        Assert.Equal("Morning, Ana.", TemplateGreeting.Compose(afterYesterday).Sections[0].Text);
        Assert.Equal("Hello Ana, good morning.", TemplateGreeting.Compose(afterTwoDays).Sections[0].Text);
        Assert.Equal("Morning, Ana.", TemplateGreeting.Compose(afterYesterday).Sections[0].Text); // deterministic
    }

    [Fact]
    public void When_every_opening_was_used_recently_the_one_used_longest_ago_comes_back()
    {
        var facts = new GreetingFacts("Sam", Morning.AddHours(11), null, [], [], ["Good evening, Sam.", "Hello Sam, good evening.", "Evening, Sam."]);

        Assert.Equal("Evening, Sam.", Assert.Single(TemplateGreeting.Compose(facts).Sections).Text);
    }

    [Theory]
    [InlineData(4, "night")]
    [InlineData(5, "morning")]
    [InlineData(11, "morning")]
    [InlineData(12, "afternoon")]
    [InlineData(18, "evening")]
    public void Part_of_day_follows_the_local_hour(int hour, string part)
    {
        Assert.Equal(part, TemplateGreeting.PartOfDay(new DateTimeOffset(2026, 12, 1, hour, 0, 0, TimeSpan.Zero)));
    }
}
