namespace Ambient.Gateway.Plants;

/// <summary>A planter device and the plant in it. Without a calibration the device's own ‰ reading is used.</summary>
public sealed record PotConfig(string DeviceId, string PlantName, string SpeciesId, PotCalibration? Calibration);
