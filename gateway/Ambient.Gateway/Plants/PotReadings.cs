namespace Ambient.Gateway.Plants;

/// <summary>The recent history of a pot, each list in time order: moisture in calibrated %, light in lux, air in °C.</summary>
public sealed record PotReadings(
    IReadOnlyList<TimedValue> MoisturePercent,
    IReadOnlyList<TimedValue> Lux,
    IReadOnlyList<TimedValue> TemperatureCelsius)
{
    public static readonly PotReadings Empty = new([], [], []);
}
