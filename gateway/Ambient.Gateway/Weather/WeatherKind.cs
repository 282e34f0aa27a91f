namespace Ambient.Gateway.Weather;

/// <summary>Coarse weather class, for an icon or a phrasing choice ("take an umbrella").</summary>
public enum WeatherKind
{
    Unknown,
    Clear,
    Cloudy,
    Fog,
    Drizzle,
    Rain,
    FreezingRain,
    Snow,
    Thunderstorm,
}
