using Ambient.Gateway.Storage;
using Ambient.Protocol;

namespace Ambient.Gateway.Telemetry;

/// <summary>Reads stored telemetry for the API and other capabilities.</summary>
public sealed class TelemetryStore(Database database)
{
    /// <summary>Readings of <paramref name="deviceId"/> with from ≤ time &lt; to, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<StoredReading> Readings(string deviceId, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ts, kind, value, estimated, boot, seq FROM readings
            WHERE device = $device AND ts >= $from AND ts < $to
            ORDER BY ts, seq, kind LIMIT $limit
            """;
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<StoredReading>();
        while (reader.Read())
        {
            var kind = (SensorKind)reader.GetInt32(1);
            var descriptor = SensorCatalog.Find(kind);
            var raw = reader.GetInt64(2);
            list.Add(new StoredReading(
                DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(0)),
                descriptor?.Key ?? "unknown",
                descriptor is null ? raw : raw / (double)descriptor.Divisor,
                descriptor?.Unit ?? "",
                reader.GetBoolean(3),
                reader.GetInt32(4),
                reader.GetInt64(5)));
        }

        return list;
    }
}
