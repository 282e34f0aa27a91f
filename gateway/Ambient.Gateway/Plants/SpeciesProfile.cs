namespace Ambient.Gateway.Plants;

/// <summary>
/// What a species is comfortable with. Moisture is % of the pot's calibrated dry→wet span (0 = the pot's dry
/// calibration point, 100 = its saturated point), so it is comparable across probes and soils. Light is the day's
/// brightest reading in lux (the measure Home Assistant's plant integration uses for min_brightness).
/// </summary>
public sealed record SpeciesProfile(
    string Id,
    string Name,
    ValueRange MoisturePercent,
    ValueRange Lux,
    ValueRange TemperatureCelsius,
    string Reasoning);
