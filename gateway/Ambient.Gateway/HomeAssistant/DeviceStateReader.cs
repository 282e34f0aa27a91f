using System.Globalization;
using System.Text.Json.Nodes;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;

namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// A device's state JSON for Home Assistant: its newest stored reading of each kind (within the last week), the
/// battery, signal and last-seen time from the registry, and for a planter the plant's verdict. Keys match
/// <see cref="EntityCatalog"/>; a value the gateway does not have is left out (HA keeps "unknown"), never invented.
/// </summary>
public sealed class DeviceStateReader(NewestReadings newest, PlantMonitor plants, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public JsonObject Read(DeviceRecord device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var state = new JsonObject();
        foreach (var reading in newest.For(device.Id, (time.GetUtcNow() - Window).ToUnixTimeSeconds()))
        {
            if (SensorCatalog.Find(reading.Kind) is { } descriptor && reading.Kind != SensorKind.SoilRaw)
            {
                state[descriptor.Key] = Math.Round(reading.Value / (double)descriptor.Divisor, 2);
            }
        }

        if (device.BatteryMillivolts is { } mv)
        {
            state["battery_voltage"] = mv;
        }

        if (device.RssiDbm is { } rssi)
        {
            state["rssi"] = rssi;
        }

        if (device.LastSeen is { } seen)
        {
            state["last_seen"] = seen.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        }

        if (plants.GetState(device.Id) is { } plant)
        {
            state["condition"] = plant.Condition.ToString().ToLowerInvariant();
            state["needs_care"] = plant.Condition is PlantCondition.Ok or PlantCondition.Unknown ? "OFF" : "ON";
            if (plant.MoisturePercent is { } moisture)
            {
                state["soil_moisture"] = Math.Round(moisture, 1); // calibrated on the gateway when the pot is
            }

            if (plant.DaysUntilDry is { } days)
            {
                state["days_until_dry"] = Math.Round(days, 1);
            }
        }

        return state;
    }
}
