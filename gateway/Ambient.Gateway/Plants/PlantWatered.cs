namespace Ambient.Gateway.Plants;

/// <summary>A watering was detected in a pot's readings (for a "thanks for watering" greeting, and history).</summary>
public sealed record PlantWatered(PotConfig Pot, WateringEvent Watering);
