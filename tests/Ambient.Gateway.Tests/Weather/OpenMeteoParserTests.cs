using Ambient.Gateway.Weather;

namespace Ambient.Gateway.Tests.Weather;

public sealed class OpenMeteoParserTests
{
    internal static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Weather", "open-meteo-sample.json");
    private static readonly DateTimeOffset Fetched = new(2026, 11, 30, 6, 50, 0, TimeSpan.Zero);

    [Fact]
    public void The_recorded_response_parses_into_todays_weather()
    {
        var forecast = OpenMeteoParser.Parse(File.ReadAllText(SamplePath), Fetched);

        Assert.Equal(3.4, forecast.TemperatureCelsius);
        Assert.Equal("light rain", forecast.Condition);
        Assert.Equal(new DateOnly(2026, 11, 30), forecast.Day);
        Assert.Equal(6.8, forecast.HighCelsius);
        Assert.Equal(1.9, forecast.LowCelsius);
        Assert.Equal(80, forecast.PrecipitationProbabilityPercent);
        Assert.Equal("rain", forecast.DayCondition);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 45, 0, TimeSpan.FromHours(1)), forecast.ObservedAt);
        Assert.Equal("Europe/Berlin", forecast.TimeZone);
        Assert.Equal(Fetched, forecast.FetchedAt);
    }

    [Theory]
    [InlineData("{ not json", "not JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"error":true,"reason":"Latitude must be in range of -90 to 90°."}""", "Latitude must be in range")]
    [InlineData("""{"utc_offset_seconds":0,"timezone":"GMT","current":{"time":"2026-11-30T07:45","weather_code":1},"daily":{}}""", "current.temperature_2m")]
    [InlineData("""{"utc_offset_seconds":0,"timezone":"GMT","current":{"time":"2026-11-30T07:45","temperature_2m":"warm","weather_code":1},"daily":{}}""", "current.temperature_2m' is String")]
    [InlineData("""{"utc_offset_seconds":0,"timezone":"GMT","current":{"time":"2026-11-30T07:45","temperature_2m":1,"weather_code":1},"daily":{"time":["2026-12-01"]}}""", "no entry for 2026-11-30")]
    public void A_malformed_answer_is_a_format_error_that_says_what_is_wrong(string body, string reason)
    {
        var error = Assert.Throws<WeatherFormatException>(() => OpenMeteoParser.Parse(body, Fetched));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wmo_code_has_words_and_an_unknown_code_is_not_an_error()
    {
        Assert.All(WmoCodes.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Words)));
        Assert.Equal("overcast", WmoCodes.Describe(3).Words);
        Assert.Equal(WeatherKind.Unknown, WmoCodes.Describe(42).Kind);
    }
}
