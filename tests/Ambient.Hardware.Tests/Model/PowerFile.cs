using System.Text.Json;

namespace Ambient.Hardware.Tests.Model;

/// <summary>hardware/&lt;device&gt;/power.json: the current per PowerState that the simulator turns into energy.</summary>
internal sealed record PowerFile(string Device, double SupplyVolts, double BatteryMilliampHours, IReadOnlyDictionary<string, double> CurrentsMilliamps)
{
    public static PowerFile Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        return new PowerFile(
            root.GetProperty("device").GetString()!,
            root.GetProperty("supplyVolts").GetDouble(),
            root.GetProperty("batteryMilliampHours").GetDouble(),
            root.GetProperty("currentsMilliamps").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()));
    }
}
