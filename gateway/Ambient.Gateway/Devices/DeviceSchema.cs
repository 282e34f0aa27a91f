using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Devices;

/// <summary>
/// The device registry. Times are Unix seconds. A removed device is revoked, not deleted, so its readings keep
/// their owner and its id cannot silently come back with old data attached.
/// </summary>
internal sealed class DeviceSchema : ISchema
{
    public int Order => 10;

    public string Ddl => """
        CREATE TABLE IF NOT EXISTS devices (
            id           TEXT PRIMARY KEY,
            kind         TEXT NOT NULL,
            secret_hash  TEXT NOT NULL,
            created      INTEGER NOT NULL,
            revoked      INTEGER,
            last_seen    INTEGER,
            firmware     TEXT,
            capabilities INTEGER,
            battery_mv   INTEGER,
            rssi_dbm     INTEGER,
            online       INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        """;
}
