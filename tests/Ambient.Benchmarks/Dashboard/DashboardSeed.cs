using Ambient.Gateway.Storage;
using Ambient.Protocol;

namespace Ambient.Benchmarks.Dashboard;

/// <summary>
/// 30 days of planter readings for each device, straight into the real SQLite file (one transaction per device):
/// a sample every 10 minutes of soil ‰, raw soil counts, light, temperature, humidity and battery, plus a watering
/// every 5 days. That is denser than the firmware's hourly samples, so the numbers are an upper bound.
/// </summary>
internal static class DashboardSeed
{
    public static readonly SensorKind[] Kinds =
    [
        SensorKind.SoilMoisturePermille, SensorKind.SoilRaw, SensorKind.IlluminanceLux,
        SensorKind.TemperatureCentiCelsius, SensorKind.HumidityPermille, SensorKind.BatteryMillivolts,
    ];

    public static long Seed(Database database, IReadOnlyList<string> devices, DateTimeOffset now, TimeSpan span, TimeSpan step)
    {
        long rows = 0;
        var start = now - span;
        foreach (var device in devices)
        {
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO readings (device, boot, seq, kind, value, ts, estimated, received)
                VALUES ($device, 1, $seq, $kind, $value, $ts, 0, $ts)
                """;
            insert.Parameters.AddWithValue("$device", device);
            var pSeq = insert.Parameters.AddWithValue("$seq", 0L);
            var pKind = insert.Parameters.AddWithValue("$kind", 0);
            var pValue = insert.Parameters.AddWithValue("$value", 0L);
            var pTs = insert.Parameters.AddWithValue("$ts", 0L);
            insert.Prepare();
            var seq = 0L;
            for (var t = start; t < now; t += step)
            {
                seq++;
                var hours = (t - start).TotalHours;
                var day = Math.Sin((t.UtcDateTime.TimeOfDay.TotalHours - 6) / 24 * 2 * Math.PI);
                var moisture = 800 - ((hours % 120) * 4.5); // dries over 5 days, then watered
                foreach (var kind in Kinds)
                {
                    pSeq.Value = seq;
                    pKind.Value = (int)kind;
                    pTs.Value = t.ToUnixTimeSeconds();
                    pValue.Value = kind switch
                    {
                        SensorKind.SoilMoisturePermille => (long)moisture,
                        SensorKind.SoilRaw => 3000 - (long)(moisture * 1.6),
                        SensorKind.IlluminanceLux => (long)Math.Max(0, day * 900),
                        SensorKind.TemperatureCentiCelsius => 2000 + (long)(day * 250),
                        SensorKind.HumidityPermille => 520,
                        _ => 3300 - (long)(hours / 10),
                    };
                    insert.ExecuteNonQuery();
                    rows++;
                }
            }

            using var watering = connection.CreateCommand();
            watering.Transaction = transaction;
            watering.CommandText = "INSERT OR IGNORE INTO plant_waterings (device_id, at_ms, before_pct, after_pct) VALUES ($device, $at, 26, 80)";
            watering.Parameters.AddWithValue("$device", device);
            var wAt = watering.Parameters.AddWithValue("$at", 0L);
            for (var t = start.AddDays(5); t < now; t = t.AddDays(5))
            {
                wAt.Value = t.ToUnixTimeMilliseconds();
                watering.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return rows;
    }
}
