using System.Globalization;
using System.Text.Json.Nodes;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Storage;
using Ambient.Protocol;

namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// A device's state JSON for Home Assistant: its newest stored reading of each kind (within the last week), the
/// battery, signal and last-seen time from the registry, and for a planter the plant's verdict. Keys match
/// <see cref="EntityCatalog"/>; a value the gateway does not have is left out (HA keeps "unknown"), never invented.
/// </summary>
public sealed class DeviceStateReader(Database database, PlantMonitor plants, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public JsonObject Read(DeviceRecord device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var state = new JsonObject();
        using (var connection = database.Open())
        using (var command = connection.CreateCommand())
        {
            // SQLite returns the row of max(ts) for the bare column `value`.
            command.CommandText = "SELECT kind, value, max(ts) FROM readings WHERE device = $device AND ts >= $since GROUP BY kind";
            command.Parameters.AddWithValue("$device", device.Id);
            command.Parameters.AddWithValue("$since", (time.GetUtcNow() - Window).ToUnixTimeSeconds());
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var kind = (SensorKind)reader.GetInt32(0);
                if (SensorCatalog.Find(kind) is { } descriptor && kind != SensorKind.SoilRaw)
                {
                    state[descriptor.Key] = Math.Round(reader.GetInt64(1) / (double)descriptor.Divisor, 2);
                }
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
