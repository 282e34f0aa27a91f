using Ambient.Protocol;

namespace Ambient.Gateway.Plants;

/// <summary>
/// Which history a wire reading feeds and how it becomes the engine's unit. Moisture comes from the raw probe
/// counts when the pot is calibrated on the gateway, otherwise from the device's own ‰ (never both, or the two
/// scales would interleave in one history).
/// </summary>
internal sealed record SampleRouting(SensorKind Kind, PotSeries Series, Func<PotConfig, int, double?> Convert)
{
    public static readonly SampleRouting[] Table =
    [
        new(SensorKind.SoilMoisturePermille, PotSeries.Moisture, (pot, v) => pot.Calibration is null ? v / 10.0 : null),
        new(SensorKind.SoilRaw, PotSeries.Moisture, (pot, v) => pot.Calibration?.ToPercent(v)),
        new(SensorKind.IlluminanceLux, PotSeries.Lux, (_, v) => v),
        new(SensorKind.TemperatureCentiCelsius, PotSeries.Temperature, (_, v) => v / 100.0),
    ];

    public static SampleRouting? Find(SensorKind kind) => Array.Find(Table, r => r.Kind == kind);
}
