namespace Ambient.Gateway.Plants;

/// <summary>
/// The engine's thresholds. Hysteresis margins keep a pot near a limit from flapping with sensor noise (the Olen
/// plant integration applies 5 % hysteresis to every threshold for the same reason, anchors §1.2).
/// </summary>
public sealed record PlantTuning
{
    public static readonly PlantTuning Default = new();

    /// <summary>Thirsty is left only above min + this, Soggy only below max − this (percentage points).</summary>
    public double MoistureMarginPoints { get; init; } = 5;

    /// <summary>TooCold is left only above min + this, TooHot only below max − this (°C).</summary>
    public double TemperatureMarginCelsius { get; init; } = 1;

    /// <summary>TooDark is left only when the day's brightest reading exceeds min × (1 + this).</summary>
    public double LightMarginFraction { get; init; } = 0.10;

    /// <summary>Light is judged over this trailing window, never on one (night) reading.</summary>
    public TimeSpan LightWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The light readings must reach back at least this far, or the day is not yet judged.</summary>
    public TimeSpan LightCoverage { get; init; } = TimeSpan.FromHours(20);

    /// <summary>Readings older than this say nothing about the pot now (a planter reports every few minutes).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromHours(6);

    /// <summary>A rise of at least this many points within <see cref="WateringWindow"/> is a watering.</summary>
    public double WateringJumpPoints { get; init; } = 15;

    public TimeSpan WateringWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Water drains for a while after a watering; the drying fit starts this long after it.</summary>
    public TimeSpan SettleAfterWatering { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The drying fit looks back at most this far.</summary>
    public TimeSpan DryingFitWindow { get; init; } = TimeSpan.FromDays(3);

    /// <summary>The fit needs this many samples spanning <see cref="MinimumFitSpan"/> before it predicts anything.</summary>
    public int MinimumFitSamples { get; init; } = 6;

    public TimeSpan MinimumFitSpan { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Slower drying than this (points/day) is treated as "not drying": no prediction.</summary>
    public double MinimumDryingRatePointsPerDay { get; init; } = 0.2;
}
