using System.Text.Json;
using System.Text.Json.Serialization;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Energy;

/// <summary>Currents per power state from hardware/&lt;device&gt;/power.json (the numbers in power.md).</summary>
public sealed class PowerProfile
{
    [JsonPropertyName("device")]
    public string Device { get; init; } = "";

    [JsonPropertyName("supplyVolts")]
    public double SupplyVolts { get; init; }

    [JsonPropertyName("batteryMilliampHours")]
    public double BatteryMilliampHours { get; init; }

    [JsonPropertyName("currentsMilliamps")]
    public Dictionary<string, double> CurrentsMilliamps { get; init; } = [];

    public double CurrentOf(PowerState state) =>
        CurrentsMilliamps.TryGetValue(state.ToString(), out var milliamps)
            ? milliamps
            : throw new InvalidOperationException($"power.json for {Device} has no current for {state}");

    /// <summary>Loads hardware/<paramref name="folder"/>/power.json copied next to the simulator.</summary>
    public static PowerProfile Load(string folder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "hardware", folder, "power.json");
        return JsonSerializer.Deserialize<PowerProfile>(File.ReadAllText(path))
               ?? throw new InvalidOperationException($"{path} is empty");
    }
}
