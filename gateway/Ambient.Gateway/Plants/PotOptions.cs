namespace Ambient.Gateway.Plants;

/// <summary>One entry of Plants:Pots.</summary>
public sealed class PotOptions
{
    /// <summary>The planter's device id (MQTT client id).</summary>
    public string DeviceId { get; set; } = "";

    /// <summary>What the household calls the plant ("Basil", "Monty the monstera").</summary>
    public string Name { get; set; } = "";

    /// <summary>A species id from <see cref="SpeciesTable"/> ("basil", "monstera", …).</summary>
    public string Species { get; set; } = "";

    /// <summary>Raw probe counts in this pot's dry soil; set together with <see cref="RawWet"/> or not at all.</summary>
    public int? RawDry { get; set; }

    /// <summary>Raw probe counts in this pot's saturated soil.</summary>
    public int? RawWet { get; set; }

    public PotConfig ToConfig() => new(
        DeviceId,
        Name,
        Species,
        RawDry is { } dry && RawWet is { } wet ? new PotCalibration(dry, wet) : null);
}
