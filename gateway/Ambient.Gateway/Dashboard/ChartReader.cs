using Ambient.Gateway.Plants;
using Ambient.Gateway.Storage;
using Ambient.Protocol;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Dashboard;

/// <summary>
/// Reads a planter's chart series from SQLite in one query per range. Moisture follows the plant capability's rule:
/// the gateway-side calibration of the raw probe when the pot has one, otherwise the device's own ‰.
/// </summary>
public sealed class ChartReader(Database database, PlantMonitor plants)
{
    public PlantChart Read(string deviceId, ChartRange range, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(range);
        var pot = plants.Pots.FirstOrDefault(p => p.DeviceId == deviceId);
        var calibration = pot?.Calibration;
        var moistureKind = calibration is null ? SensorKind.SoilMoisturePermille : SensorKind.SoilRaw;
        var from = now - range.Span;
        var rows = new SortedDictionary<long, double?[]>();
        using var connection = database.Open();
        // The aggregates' newest hour, as a plain parameter: a bound SQLite can use for the (device, ts) index,
        // which it would not take from a joined sub-query (that scanned every raw row of the device: ~30 ms more).
        long covered = -1;
        if (range.Hourly)
        {
            using var last = connection.CreateCommand();
            last.CommandText = "SELECT coalesce(max(hour), -1) FROM readings_hourly WHERE device = $device";
            last.Parameters.AddWithValue("$device", deviceId);
            covered = (long)last.ExecuteScalar()!;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = range.Hourly ? HourlySql : RawSql;
            command.Parameters.AddWithValue("$covered", covered);
            command.Parameters.AddWithValue("$rawFrom", Math.Max(from.ToUnixTimeSeconds() / 3600 * 3600, covered));
            command.Parameters.AddWithValue("$device", deviceId);
            command.Parameters.AddWithValue("$from", from.ToUnixTimeSeconds());
            command.Parameters.AddWithValue("$to", now.ToUnixTimeSeconds());
            command.Parameters.AddWithValue("$moisture", (int)moistureKind);
            command.Parameters.AddWithValue("$light", (int)SensorKind.IlluminanceLux);
            command.Parameters.AddWithValue("$temperature", (int)SensorKind.TemperatureCentiCelsius);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var time = reader.GetInt64(0);
                var kind = (SensorKind)reader.GetInt32(1);
                var value = reader.GetDouble(2);
                if (!rows.TryGetValue(time, out var row))
                {
                    rows[time] = row = new double?[3];
                }

                switch (kind)
                {
                    case SensorKind.SoilMoisturePermille:
                        row[0] = Math.Round(value / 10.0, 1);
                        break;
                    case SensorKind.SoilRaw:
                        row[0] = Math.Round(calibration!.Value.ToPercent((int)Math.Round(value)), 1);
                        break;
                    case SensorKind.IlluminanceLux:
                        row[1] = Math.Round(value);
                        break;
                    case SensorKind.TemperatureCentiCelsius:
                        row[2] = Math.Round(value / 100.0, 1);
                        break;
                    default:
                        break;
                }
            }
        }

        return new PlantChart(
            deviceId,
            pot?.PlantName,
            range.Name,
            from,
            now,
            range.Hourly ? "hour" : "sample",
            [.. rows.Keys],
            [.. rows.Values.Select(r => r[0])],
            [.. rows.Values.Select(r => r[1])],
            [.. rows.Values.Select(r => r[2])],
            Waterings(connection, deviceId, from, now));
    }

    private static List<ChartWatering> Waterings(SqliteConnection connection, string deviceId, DateTimeOffset from, DateTimeOffset to)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT at_ms, before_pct, after_pct FROM plant_waterings WHERE device_id = $device AND at_ms >= $from AND at_ms < $to ORDER BY at_ms";
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        var list = new List<ChartWatering>();
        while (reader.Read())
        {
            list.Add(new ChartWatering(reader.GetInt64(0) / 1000, Math.Round(reader.GetDouble(1), 1), Math.Round(reader.GetDouble(2), 1)));
        }

        return list;
    }

    // Raw samples; the (device, ts) index bounds the scan to the range.
    private const string RawSql = """
        SELECT ts, kind, value FROM readings
        WHERE device = $device AND ts >= $from AND ts < $to AND kind IN ($moisture, $light, $temperature)
        ORDER BY ts
        """;

    // Hourly means: the aggregates up to the last hour the retention job has finished, then the raw rows it has not
    // aggregated yet grouped the same way, so the newest hours are never missing from a 7-day chart.
    private const string HourlySql = """
        SELECT hour, kind, CAST(sum AS REAL) / count FROM readings_hourly
        WHERE device = $device AND kind IN ($moisture, $light, $temperature)
          AND hour >= $from / 3600 * 3600 AND hour < $to AND hour < $covered
        UNION ALL
        SELECT ts / 3600 * 3600, kind, avg(value) FROM readings
        WHERE device = $device AND ts >= $rawFrom AND ts < $to AND kind IN ($moisture, $light, $temperature)
        GROUP BY ts / 3600 * 3600, kind
        """;
}
