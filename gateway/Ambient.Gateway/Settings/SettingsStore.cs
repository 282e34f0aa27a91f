using System.Text.Json;
using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Settings;

/// <summary>The settings table: replaced as a whole on every save, in one transaction.</summary>
public sealed class SettingsStore(Database database, TimeProvider time)
{
    public void Replace(IReadOnlyDictionary<string, string> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM settings";
            delete.ExecuteNonQuery();
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var (key, value) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO settings (key, value, updated) VALUES ($key, $value, $now)";
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$value", value);
            insert.Parameters.AddWithValue("$now", now);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The dashboard's own calendars (not those of the configuration files).</summary>
    public IReadOnlyList<CalendarSetting> Calendars()
    {
        var json = SettingsConfigurationProvider.ReadRows(database.Path).Where(r => r.Key == SettingKeys.Calendars).Select(r => r.Value).FirstOrDefault();
        return json is null ? [] : JsonSerializer.Deserialize<List<CalendarSetting>>(json, SettingsJson.Options) ?? [];
    }

    public DateTimeOffset? SavedAt()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(updated) FROM settings";
        return command.ExecuteScalar() is long seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }
}
