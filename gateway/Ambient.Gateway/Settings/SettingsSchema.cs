using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Settings;

/// <summary>
/// Settings made in the dashboard: one row per configuration key ("Weather:Latitude") plus one JSON row for the
/// dashboard's calendars. The configuration provider reads the same table, so the DDL lives here once.
/// </summary>
internal sealed class SettingsSchema : ISchema
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS settings (
            key     TEXT PRIMARY KEY,
            value   TEXT NOT NULL,
            updated INTEGER NOT NULL
        ) STRICT;
        """;

    public int Order => 5;

    public string Ddl => CreateTable;
}
