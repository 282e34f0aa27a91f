namespace Ambient.Gateway.Plants;

/// <summary>
/// The values the problem rules judge, each null when unknown (no fresh data, or not enough of a day for light).
/// </summary>
internal sealed record PlantInputs(
    SpeciesProfile Species,
    PlantTuning Tuning,
    double? MoisturePercent,
    double? DailyMaxLux,
    double? TemperatureCelsius);
