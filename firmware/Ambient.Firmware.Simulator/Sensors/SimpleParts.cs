using Ambient.Firmware.Hal;
using Ambient.Protocol;

namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>A battery discharging linearly with the charge the device has drawn (from its energy meter).</summary>
internal sealed class SimulatedBattery(int fullMillivolts, int emptyMillivolts, double capacityMilliampHours, Func<double> drawnMilliampHours) : IBattery
{
    public int ReadMillivolts()
    {
        var left = Math.Clamp(1 - (drawnMilliampHours() / capacityMilliampHours), 0, 1);
        return (int)(emptyMillivolts + ((fullMillivolts - emptyMillivolts) * left));
    }
}

/// <summary>The planter's LED: remembers what it shows.</summary>
internal sealed class SimulatedIndicator : IIndicator
{
    public PlantCondition Showing { get; private set; }

    public void Show(PlantCondition condition) => Showing = condition;
}

internal sealed class ConsoleLog(string device, Action<string>? sink) : ILog
{
    public void Write(string line) => sink?.Invoke($"{device}: {line}");
}
