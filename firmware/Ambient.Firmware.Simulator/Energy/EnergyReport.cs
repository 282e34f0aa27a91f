using System.Globalization;
using System.Text;
using Ambient.Firmware.Simulator.Household;

namespace Ambient.Firmware.Simulator.Energy;

/// <summary>Per device: wakes, charge drawn, average current and the battery life it implies.</summary>
public static class EnergyReport
{
    public static string Format(SimulatedHousehold run, TimeSpan wall)
    {
        var simulated = run.Time.Now - run.Time.Start;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{simulated.TotalHours:F1} simulated hours in {wall.TotalSeconds:F1} s: {run.Devices.Count * simulated.TotalHours / Math.Max(wall.TotalSeconds, 0.001):F0} device-hours per second");
        foreach (var device in run.Devices)
        {
            var meter = device.Energy;
            var average = meter.MilliampHours / simulated.TotalHours;
            var days = meter.Profile.BatteryMilliampHours / (average * 24);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {device.Id,-16} {device.Wakes,5} wakes  {meter.MilliampHours:F2} mAh  avg {average * 1000:F0} µA  " +
                $"{meter.MilliampHours / Math.Max(device.Wakes, 1) * 3600:F2} mC/wake  battery {days:F0} days ({days / 30.4:F1} months)  " +
                $"{device.BytesSent} B sent, {device.TelemetryBytesSent} B telemetry");
        }

        return text.ToString();
    }
}
