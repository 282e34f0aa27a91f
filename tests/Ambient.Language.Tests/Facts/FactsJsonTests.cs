using CsCheck;

// Not "…Tests.Facts": a namespace named Facts would hide the Facts record in every test file.
namespace Ambient.Language.Tests.FactsTests;

public class FactsJsonTests
{
    private const string Valid = """
        {"intent":"morning_greeting","person":"Zoë","localTime":"2026-11-30T07:15:00+01:00",
         "weather":{"nowCelsius":7,"highCelsius":11,"lowCelsius":4,"condition":"Light rain","sky":"rain","rainChancePercent":80},
         "nextEvents":[{"title":"Dentist","start":"2026-11-30T09:30:00+01:00","isAllDay":false,"location":null}],
         "plants":[{"name":"Fern","mood":"too_dark"}],"reminders":[],"target":"magnet"}
        """;

    [Fact]
    public void Parses_camel_case_fields_and_snake_case_enums()
    {
        var facts = FactsJson.Parse(Valid);
        Assert.Equal(Intent.MorningGreeting, facts.Intent);
        Assert.Equal("Zoë", facts.Person);
        Assert.Equal(Sky.Rain, facts.Weather!.Sky);
        Assert.Equal(PlantMood.TooDark, facts.Plants[0].Mood);
        Assert.Equal(TargetDevice.Magnet, facts.Target);
        Assert.Equal("warm", facts.Persona);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.FromHours(1)), facts.NextEvents[0].Start);
    }

    [Fact]
    public void Writes_enums_as_snake_case_strings()
    {
        var json = FactsJson.Serialize(FactsJson.Parse(Valid));
        Assert.Contains("\"intent\":\"morning_greeting\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mood\":\"too_dark\"", json, StringComparison.Ordinal);
        Assert.Contains("\"nowCelsius\":7", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"sky\":\"rain\"", "\"sky\":\"purple\"", "weather.sky", "freezing_rain")]
    [InlineData("\"sky\":\"rain\"", "\"sky\":3", "weather.sky", null)]
    [InlineData("\"nowCelsius\":7", "\"nowCelsius\":\"warm\"", "weather.nowCelsius", null)]
    [InlineData("\"rainChancePercent\":80", "\"rainChancePercent\":180", "weather.rainChancePercent", "0..100")]
    [InlineData("\"person\":\"Zoë\",", "", "person", "required")]
    [InlineData("\"person\":\"Zoë\"", "\"person\":null", "person", null)]
    [InlineData("\"mood\":\"too_dark\"", "\"mood\":\"sad\"", "plants[0].mood", "thirsty")]
    [InlineData("\"start\":\"2026-11-30T09:30:00+01:00\"", "\"start\":\"half past nine\"", "nextEvents[0].start", null)]
    [InlineData("\"target\":\"magnet\"", "\"target\":\"toaster\"", "target", "earbud")]
    [InlineData("\"intent\":\"morning_greeting\"", "\"intent\":\"morning_greeting\",\"perosn\":\"x\"", "perosn", null)]
    public void Bad_input_names_the_field(string good, string bad, string field, string? mentions)
    {
        var json = Valid.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);
        var e = Assert.Throws<FactsFormatException>(() => FactsJson.Parse(json));
        Assert.Equal(field, e.Field);
        Assert.StartsWith(field + ":", e.Message, StringComparison.Ordinal);
        if (mentions is not null)
        {
            Assert.Contains(mentions, e.Message, StringComparison.Ordinal);
        }

        Assert.False(FactsJson.TryParse(json, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void Malformed_json_is_a_format_error()
    {
        Assert.Throws<FactsFormatException>(() => FactsJson.Parse("{\"intent\":"));
        Assert.Throws<FactsFormatException>(() => FactsJson.Parse("null"));
    }

    [Fact]
    public void Random_facts_round_trip()
    {
        Gen.Int.Sample(seed =>
        {
            var facts = RandomFacts.Next(new Random(seed));
            var back = FactsJson.Parse(FactsJson.Serialize(facts));
            Assert.Equal(FactsJson.Serialize(facts), FactsJson.Serialize(back));
            Assert.Equal(FactSheets.From(facts).Prompt, FactSheets.From(back).Prompt);
        }, iter: 500);
    }
}
