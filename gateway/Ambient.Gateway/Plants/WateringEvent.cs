namespace Ambient.Gateway.Plants;

/// <summary>A watering inferred from a moisture jump: when it was first seen, and moisture before and after.</summary>
public readonly record struct WateringEvent(DateTimeOffset At, double BeforePercent, double AfterPercent);
