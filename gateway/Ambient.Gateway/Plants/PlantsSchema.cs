using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Plants;

/// <summary>
/// Pots (configuration, editable at run time) and each pot's last verdict, so a restart keeps the hysteresis
/// memory and "last watered". Times are Unix milliseconds (UTC).
/// </summary>
internal sealed class PlantsSchema : ISchema
{
    public int Order => 100;

    public string Ddl => """
        CREATE TABLE IF NOT EXISTS plant_pots (
            device_id   TEXT PRIMARY KEY,
            plant_name  TEXT NOT NULL,
            species     TEXT NOT NULL,
            raw_dry     INTEGER,
            raw_wet     INTEGER
        );
        CREATE TABLE IF NOT EXISTS plant_states (
            device_id        TEXT PRIMARY KEY,
            condition        INTEGER NOT NULL,
            problems         INTEGER NOT NULL,
            moisture_percent REAL,
            days_until_dry   REAL,
            last_watered_ms  INTEGER,
            evaluated_ms     INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS plant_waterings (
            device_id  TEXT NOT NULL,
            at_ms      INTEGER NOT NULL,
            before_pct REAL NOT NULL,
            after_pct  REAL NOT NULL,
            PRIMARY KEY (device_id, at_ms)
        );
        """;
}
