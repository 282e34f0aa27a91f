namespace Ambient.Gateway.Weather;

/// <summary>
/// The weather codes Open-Meteo uses (WMO 4677 subset; table "WMO Weather interpretation codes" in the Open-Meteo
/// forecast API documentation), as data.
/// </summary>
public static class WmoCodes
{
    private static readonly WmoCode[] Table =
    [
        new(0, "clear sky", WeatherKind.Clear),
        new(1, "mainly clear", WeatherKind.Clear),
        new(2, "partly cloudy", WeatherKind.Cloudy),
        new(3, "overcast", WeatherKind.Cloudy),
        new(45, "fog", WeatherKind.Fog),
        new(48, "freezing fog", WeatherKind.Fog),
        new(51, "light drizzle", WeatherKind.Drizzle),
        new(53, "drizzle", WeatherKind.Drizzle),
        new(55, "heavy drizzle", WeatherKind.Drizzle),
        new(56, "light freezing drizzle", WeatherKind.FreezingRain),
        new(57, "freezing drizzle", WeatherKind.FreezingRain),
        new(61, "light rain", WeatherKind.Rain),
        new(63, "rain", WeatherKind.Rain),
        new(65, "heavy rain", WeatherKind.Rain),
        new(66, "light freezing rain", WeatherKind.FreezingRain),
        new(67, "freezing rain", WeatherKind.FreezingRain),
        new(71, "light snow", WeatherKind.Snow),
        new(73, "snow", WeatherKind.Snow),
        new(75, "heavy snow", WeatherKind.Snow),
        new(77, "snow grains", WeatherKind.Snow),
        new(80, "light showers", WeatherKind.Rain),
        new(81, "showers", WeatherKind.Rain),
        new(82, "violent showers", WeatherKind.Rain),
        new(85, "light snow showers", WeatherKind.Snow),
        new(86, "snow showers", WeatherKind.Snow),
        new(95, "thunderstorm", WeatherKind.Thunderstorm),
        new(96, "thunderstorm with hail", WeatherKind.Thunderstorm),
        new(99, "thunderstorm with heavy hail", WeatherKind.Thunderstorm),
    ];

    private static readonly Dictionary<int, WmoCode> ByCode = Table.ToDictionary(c => c.Code);

    public static IReadOnlyList<WmoCode> All => Table;

    /// <summary>The entry for <paramref name="code"/>; an undocumented code becomes "unknown weather", not an error.</summary>
    public static WmoCode Describe(int code)
        => ByCode.TryGetValue(code, out var entry) ? entry : new WmoCode(code, "unknown weather", WeatherKind.Unknown);
}
