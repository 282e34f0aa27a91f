using Ambient.Gateway.Storage;
using Ambient.Protocol;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// The newest stored reading of each kind per device, kept up to date from the rows committed since the last look.
/// Row ids only grow and one writer commits them in order, so "id &gt; last seen" is exactly what is new. A caller
/// that asks after every frame (Home Assistant's state JSON) then pays for the handful of new rows, not for a scan
/// of the device's whole window: that scan, on a connection whose page cache WAL mode empties after every commit,
/// grew with the device's history and took most of a core while 32 devices published flat out.
/// </summary>
public sealed class NewestReadings(Database database)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<SensorKind, NewestReading>> _newest = new(StringComparer.Ordinal);
    private long _lastId = -1;

    /// <summary>The device's newest reading of each kind taken at or after <paramref name="since"/> (Unix seconds).</summary>
    public IReadOnlyList<NewestReading> For(string deviceId, long since)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        lock (_gate)
        {
            Refresh(since);
            return _newest.TryGetValue(deviceId, out var kinds) ? [.. kinds.Values.Where(r => r.Timestamp >= since)] : [];
        }
    }

    private void Refresh(long since)
    {
        using var connection = database.Open();
        // Deferred: a read snapshot, so max(id) and the rows below it are the same view; an immediate transaction
        // would take the write lock from the ingest writer.
        using var transaction = connection.BeginTransaction(deferred: true);
        using var newestId = connection.CreateCommand();
        newestId.Transaction = transaction;
        newestId.CommandText = "SELECT coalesce(max(id), 0) FROM readings";
        var newest = (long)newestId.ExecuteScalar()!;
        if (newest == _lastId)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // SQLite returns the row of max(ts) for the bare column `value`. The first look reads the window once (by
        // the ts index); later ones only the new rows (by the row id).
        command.CommandText = _lastId < 0
            ? "SELECT device, kind, value, max(ts) FROM readings WHERE ts >= $since AND id <= $newest GROUP BY device, kind"
            : "SELECT device, kind, value, max(ts) FROM readings WHERE id > $last AND id <= $newest GROUP BY device, kind";
        command.Parameters.AddWithValue("$since", since);
        command.Parameters.AddWithValue("$last", _lastId);
        command.Parameters.AddWithValue("$newest", newest);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                Merge(reader);
            }
        }

        _lastId = newest;
    }

    private void Merge(SqliteDataReader reader)
    {
        var device = reader.GetString(0);
        var reading = new NewestReading((SensorKind)reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3));
        if (!_newest.TryGetValue(device, out var kinds))
        {
            _newest[device] = kinds = [];
        }

        // A late batch (replayed from a device's flash) can bring rows older than what is known.
        if (!kinds.TryGetValue(reading.Kind, out var known) || reading.Timestamp >= known.Timestamp)
        {
            kinds[reading.Kind] = reading;
        }
    }
}

/// <summary>A stored reading's raw value (as in the frame) and its time in Unix seconds.</summary>
public readonly record struct NewestReading(SensorKind Kind, long Value, long Timestamp);
