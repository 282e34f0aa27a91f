using Ambient.Hardware.Tests.Model;

namespace Ambient.Hardware.Tests.Rules;

internal static class PowerRules
{
    public static IReadOnlyList<string> Check(PowerFile file, IReadOnlyList<string> powerStates, string expectedDevice)
    {
        var problems = new List<string>();
        if (file.Device != expectedDevice)
        {
            problems.Add($"device is '{file.Device}', expected '{expectedDevice}'");
        }

        if (file.SupplyVolts is <= 0 or > 5)
        {
            problems.Add($"supplyVolts {file.SupplyVolts} is not a battery voltage");
        }

        if (file.BatteryMilliampHours <= 0)
        {
            problems.Add("batteryMilliampHours must be positive");
        }

        foreach (var state in powerStates.Where(s => !file.CurrentsMilliamps.ContainsKey(s)))
        {
            problems.Add($"no current for PowerState.{state}");
        }

        foreach (var key in file.CurrentsMilliamps.Keys.Where(k => !powerStates.Contains(k)))
        {
            problems.Add($"'{key}' is not a PowerState");
        }

        foreach (var (state, current) in file.CurrentsMilliamps.Where(c => c.Value <= 0))
        {
            problems.Add($"{state}: {current} mA is not a current");
        }

        if (file.CurrentsMilliamps.TryGetValue("DeepSleep", out var deepSleep) && file.CurrentsMilliamps.Any(c => c.Value < deepSleep))
        {
            problems.Add("DeepSleep must be the smallest current");
        }

        if (file.CurrentsMilliamps.TryGetValue("LightSleep", out var lightSleep) && file.CurrentsMilliamps.TryGetValue("Cpu", out var cpu) && lightSleep >= cpu)
        {
            problems.Add("LightSleep must draw less than Cpu");
        }

        return problems;
    }
}
