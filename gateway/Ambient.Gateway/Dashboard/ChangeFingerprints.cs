using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Dashboard;

/// <summary>
/// One cheap query that summarises each table the dashboard shows (counts, maxima of ids and times): when a
/// summary differs from the last one, that part of the page is stale. Watching the tables, rather than hooking every
/// writer, also catches changes no event announces (a device marked offline by the ingest writer on disconnect).
/// </summary>
internal sealed class ChangeFingerprints(Database database)
{
    private const string Sql = """
        SELECT
          (SELECT count(*) || ':' || total(online) || ':' || coalesce(max(last_seen), 0) || ':' || coalesce(max(revoked), 0) || ':' || coalesce(max(created), 0) || ':' || total(coalesce(battery_mv, 0)) FROM devices),
          (SELECT coalesce(max(evaluated_ms), 0) || ':' || count(*) FROM plant_states),
          (SELECT coalesce(max(id), 0) FROM readings),
          (SELECT coalesce(max(id), 0) FROM memories),
          (SELECT count(*) || ':' || coalesce(max(updated_ms), 0) FROM reminders)
        """;

    public static IReadOnlyList<string> Topics { get; } =
        [DashboardTopics.Devices, DashboardTopics.Plants, DashboardTopics.Telemetry, DashboardTopics.Feed, DashboardTopics.Reminders];

    public string[] Read()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        var values = new string[Topics.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        return values;
    }
}
