using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// Readings, one row per sensor value. UNIQUE (device, boot, seq, kind) makes a replayed frame a no-op
/// (INSERT … ON CONFLICT DO NOTHING). Times are Unix seconds; <c>estimated</c> marks rows whose boot-relative
/// time could not be mapped to UTC and carry the receive time instead. AUTOINCREMENT keeps ids monotonic after
/// deletes, which the retention job relies on to find rows it has not aggregated yet.
/// </summary>
internal sealed class TelemetrySchema : ISchema
{
    public int Order => 20;

    public string Ddl => """
        CREATE TABLE IF NOT EXISTS readings (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            device    TEXT NOT NULL,
            boot      INTEGER NOT NULL,
            seq       INTEGER NOT NULL,
            kind      INTEGER NOT NULL,
            value     INTEGER NOT NULL,
            ts        INTEGER NOT NULL,
            estimated INTEGER NOT NULL,
            received  INTEGER NOT NULL,
            UNIQUE (device, boot, seq, kind)
        ) STRICT;
        CREATE INDEX IF NOT EXISTS readings_device_ts ON readings (device, ts);
        CREATE INDEX IF NOT EXISTS readings_ts ON readings (ts);
        CREATE TABLE IF NOT EXISTS boot_clocks (
            device TEXT NOT NULL,
            boot   INTEGER NOT NULL,
            epoch  INTEGER NOT NULL,
            PRIMARY KEY (device, boot)
        ) STRICT;
        CREATE TABLE IF NOT EXISTS readings_hourly (
            device TEXT NOT NULL,
            kind   INTEGER NOT NULL,
            hour   INTEGER NOT NULL,
            min    INTEGER NOT NULL,
            max    INTEGER NOT NULL,
            sum    INTEGER NOT NULL,
            count  INTEGER NOT NULL,
            PRIMARY KEY (device, kind, hour)
        ) STRICT;
        CREATE TABLE IF NOT EXISTS retention_state (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            aggregated  INTEGER NOT NULL
        ) STRICT;
        """;
}
