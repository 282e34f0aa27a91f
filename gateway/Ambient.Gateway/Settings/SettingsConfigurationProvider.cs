using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Settings;

/// <summary>
/// Reads the settings table into configuration keys. <see cref="Reload"/> after a save fires the configuration's
/// change token, which is how IOptionsMonitor users (weather, device setup, greetings, calendars) pick up a new
/// value without a restart.
/// </summary>
public sealed class SettingsConfigurationProvider(SettingsConfigurationSource source) : ConfigurationProvider
{
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in ReadRows(source.DatabasePath))
        {
            if (key == SettingKeys.Calendars)
            {
                AddCalendars(data, value);
            }
            else
            {
                data[key] = value;
            }
        }

        Data = data;
    }

    /// <summary>Re-reads the table and tells every listener the configuration changed.</summary>
    public void Reload()
    {
        Load();
        OnReload();
    }

    internal static List<(string Key, string Value)> ReadRows(string databasePath)
    {
        var rows = new List<(string, string)>();
        if (!File.Exists(databasePath))
        {
            return rows; // first run: the database (and the table) are created later by Storage
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = SettingsSchema.CreateTable;
            create.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM settings ORDER BY key";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private void AddCalendars(Dictionary<string, string?> data, string json)
    {
        var calendars = JsonSerializer.Deserialize<List<CalendarSetting>>(json, SettingsJson.Options) ?? [];
        for (var i = 0; i < calendars.Count; i++)
        {
            var c = calendars[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{SettingKeys.CalendarsSection}:{source.CalendarOffset + i}:");
            data[prefix + "Name"] = c.Name;
            data[prefix + (CalendarSources.IsUrl(c.Source) ? "Url" : "Path")] = c.Source;
            if (!string.IsNullOrWhiteSpace(c.Owner))
            {
                data[prefix + "Owner"] = c.Owner;
            }
        }
    }
}
