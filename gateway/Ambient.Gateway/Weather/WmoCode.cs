namespace Ambient.Gateway.Weather;

/// <summary>A WMO 4677 present-weather code as Open-Meteo reports it, with plain words for greetings.</summary>
public sealed record WmoCode(int Code, string Words, WeatherKind Kind);
