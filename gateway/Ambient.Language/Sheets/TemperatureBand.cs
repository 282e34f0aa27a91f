namespace Ambient.Language;

/// <summary>How the temperature now feels, so a phrasing can say "bundle up" without seeing the number.</summary>
public enum TemperatureBand
{
    Freezing,
    Cold,
    Mild,
    Warm,
    Hot,
}

public static class TemperatureBands
{
    public static TemperatureBand Of(int celsius) => celsius switch
    {
        <= 0 => TemperatureBand.Freezing,
        <= 8 => TemperatureBand.Cold,
        <= 17 => TemperatureBand.Mild,
        <= 26 => TemperatureBand.Warm,
        _ => TemperatureBand.Hot,
    };
}
