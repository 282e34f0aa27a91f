using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// The writer's prepared statements, compiled once for its connection and reused by every transaction (as the
/// Microsoft.Data.Sqlite bulk-insert guide recommends; compiling four statements per group commit showed up as
/// SQLite's parser in the ingest profile). A device's row is updated once per transaction with what all its batches in it
/// said (<see cref="UpdateDevices"/>), not once per frame: a device that replays or publishes fast has many frames
/// in one group commit, and a per-frame UPDATE doubled the statements each frame costs the single writer.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    private readonly Dictionary<string, DeviceUpdate> _updates = new(StringComparer.Ordinal);
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _epoch;
    private readonly SqliteCommand _bootClock;
    private readonly SqliteCommand _device;

    public WriterStatements(SqliteConnection connection)
    {
        _insert = Create(connection, """
            INSERT INTO readings (device, boot, seq, kind, value, ts, estimated, received)
            VALUES ($device, $boot, $seq, $kind, $value, $ts, $estimated, $received)
            ON CONFLICT (device, boot, seq, kind) DO NOTHING
            """, "$device", "$boot", "$seq", "$kind", "$value", "$ts", "$estimated", "$received");
        _epoch = Create(connection, "SELECT epoch FROM boot_clocks WHERE device = $device AND boot = $boot", "$device", "$boot");
        _bootClock = Create(connection, """
            INSERT INTO boot_clocks (device, boot, epoch) VALUES ($device, $boot, $epoch)
            ON CONFLICT (device, boot) DO UPDATE SET epoch = excluded.epoch
            """, "$device", "$boot", "$epoch");
        _device = Create(connection, """
            UPDATE devices SET
                last_seen = CASE WHEN $seen IS NULL THEN last_seen ELSE max(coalesce(last_seen, 0), $seen) END,
                online = coalesce($online, online),
                kind = coalesce($kind, kind),
                firmware = coalesce($firmware, firmware),
                capabilities = coalesce($capabilities, capabilities),
                battery_mv = coalesce($battery, battery_mv),
                rssi_dbm = coalesce($rssi, rssi_dbm)
            WHERE id = $device
            """, "$device", "$seen", "$online", "$kind", "$firmware", "$capabilities", "$battery", "$rssi");
    }

    /// <summary>Points every statement at the transaction the next batches go into.</summary>
    public void Use(SqliteTransaction transaction)
    {
        _insert.Transaction = transaction;
        _epoch.Transaction = transaction;
        _bootClock.Transaction = transaction;
        _device.Transaction = transaction;
        _updates.Clear();
    }

    public IngestCommit Apply(IngestBatch batch, TimeSpan retention)
    {
        _updates[batch.DeviceId] = (_updates.TryGetValue(batch.DeviceId, out var earlier) ? earlier : default).Then(batch);

        if (batch.Hello is { } hello)
        {
            Set(_bootClock, batch.DeviceId, (int)hello.Boot, hello.BootEpoch);
            _bootClock.ExecuteNonQuery();
        }

        int stored = 0, duplicates = 0, expired = 0;
        long? epoch = null;
        ushort? epochBoot = null;
        // Readings older than the raw retention would land in hours already folded into aggregates; storing them
        // would make those aggregates disagree with a re-run, so they are counted and dropped.
        var oldest = batch.ReceivedAt - (long)retention.TotalSeconds;
        foreach (var r in batch.Readings)
        {
            long ts = r.DeviceTime;
            var estimated = false;
            if (r.Unsynced)
            {
                if (epochBoot != r.Boot)
                {
                    Set(_epoch, batch.DeviceId, (int)r.Boot);
                    epoch = _epoch.ExecuteScalar() is long e ? e : null;
                    epochBoot = r.Boot;
                }

                // utc = hello receive time − (hello uptime − sample time) = boot epoch + sample time.
                ts = epoch is { } known ? known + r.DeviceTime : batch.ReceivedAt;
                estimated = epoch is null;
            }

            if (ts < oldest)
            {
                expired++;
                continue;
            }

            Set(_insert, batch.DeviceId, (int)r.Boot, (long)r.Sequence, (int)r.Kind, r.Value, ts, estimated ? 1 : 0, batch.ReceivedAt);
            if (_insert.ExecuteNonQuery() == 1)
            {
                stored++;
            }
            else
            {
                duplicates++;
            }
        }

        return new IngestCommit(stored, duplicates, expired);
    }

    /// <summary>Writes each device's row once, with the batches applied since the last call folded in order.</summary>
    public void UpdateDevices()
    {
        foreach (var (deviceId, u) in _updates)
        {
            Set(_device, deviceId, u.Seen, u.Online, u.Hello?.Kind, u.Hello?.Firmware, u.Hello?.Capabilities, u.BatteryMillivolts, u.RssiDbm);
            _device.ExecuteNonQuery();
        }

        _updates.Clear();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _epoch.Dispose();
        _bootClock.Dispose();
        _device.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}

/// <summary>
/// Several batches' changes to one device row, as the per-batch UPDATE applied them one after another: the latest
/// sign of life (max), and for every other column the last value given (each is coalesce(new, old)).
/// </summary>
internal readonly record struct DeviceUpdate(long? Seen, bool? Online, HelloUpdate? Hello, int? BatteryMillivolts, int? RssiDbm)
{
    public DeviceUpdate Then(IngestBatch batch) => new(
        batch.Seen ? Math.Max(Seen ?? long.MinValue, batch.ReceivedAt) : Seen,
        batch.Online ?? Online,
        batch.Hello ?? Hello,
        batch.BatteryMillivolts ?? BatteryMillivolts,
        batch.RssiDbm ?? RssiDbm);
}
