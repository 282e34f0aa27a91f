namespace Ambient.Language;

/// <summary>Coarse weather class: picks the phrasing ("take an umbrella"); the words themselves come from the condition slot.</summary>
public enum Sky
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
