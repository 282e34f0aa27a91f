using Ambient.Gateway.Storage;
using Ambient.Protocol;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Plants;

/// <summary>Pot configuration, last states and waterings in the gateway database.</summary>
public sealed class PlantStore(Database database)
{
    public void UpsertPot(PotConfig pot)
    {
        ArgumentNullException.ThrowIfNull(pot);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO plant_pots (device_id, plant_name, species, raw_dry, raw_wet)
            VALUES ($device, $name, $species, $dry, $wet)
            ON CONFLICT (device_id) DO UPDATE SET
                plant_name = excluded.plant_name, species = excluded.species,
                raw_dry = excluded.raw_dry, raw_wet = excluded.raw_wet;
            """;
        command.Parameters.AddWithValue("$device", pot.DeviceId);
        command.Parameters.AddWithValue("$name", pot.PlantName);
        command.Parameters.AddWithValue("$species", pot.SpeciesId);
        command.Parameters.AddWithValue("$dry", (object?)pot.Calibration?.RawDry ?? DBNull.Value);
        command.Parameters.AddWithValue("$wet", (object?)pot.Calibration?.RawWet ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<PotConfig> GetPots()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT device_id, plant_name, species, raw_dry, raw_wet FROM plant_pots ORDER BY device_id";
        using var reader = command.ExecuteReader();
        var pots = new List<PotConfig>();
        while (reader.Read())
        {
            PotCalibration? calibration = reader.IsDBNull(3) || reader.IsDBNull(4)
                ? null
                : new PotCalibration(reader.GetInt32(3), reader.GetInt32(4));
            pots.Add(new PotConfig(reader.GetString(0), reader.GetString(1), reader.GetString(2), calibration));
        }

        return pots;
    }

    public void SaveState(string deviceId, PlantState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO plant_states (device_id, condition, problems, moisture_percent, days_until_dry, last_watered_ms, evaluated_ms)
            VALUES ($device, $condition, $problems, $moisture, $days, $watered, $evaluated)
            ON CONFLICT (device_id) DO UPDATE SET
                condition = excluded.condition, problems = excluded.problems,
                moisture_percent = excluded.moisture_percent, days_until_dry = excluded.days_until_dry,
                last_watered_ms = excluded.last_watered_ms, evaluated_ms = excluded.evaluated_ms;
            """;
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$condition", (int)state.Condition);
        command.Parameters.AddWithValue("$problems", (int)state.Problems);
        command.Parameters.AddWithValue("$moisture", (object?)state.MoisturePercent ?? DBNull.Value);
        command.Parameters.AddWithValue("$days", (object?)state.DaysUntilDry ?? DBNull.Value);
        command.Parameters.AddWithValue("$watered", (object?)state.LastWatered?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$evaluated", state.EvaluatedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    public IReadOnlyDictionary<string, PlantState> LoadStates()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT device_id, condition, problems, moisture_percent, days_until_dry, last_watered_ms, evaluated_ms
            FROM plant_states
            """;
        using var reader = command.ExecuteReader();
        var states = new Dictionary<string, PlantState>(StringComparer.Ordinal);
        while (reader.Read())
        {
            states[reader.GetString(0)] = new PlantState(
                (PlantCondition)reader.GetInt32(1),
                (PlantProblems)reader.GetInt32(2),
                NullableDouble(reader, 3),
                NullableDouble(reader, 4),
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));
        }

        return states;
    }

    /// <summary>Records a watering; the same watering seen again (replayed readings) is stored once.</summary>
    public void AddWatering(string deviceId, WateringEvent watering)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO plant_waterings (device_id, at_ms, before_pct, after_pct)
            VALUES ($device, $at, $before, $after)
            """;
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$at", watering.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$before", watering.BeforePercent);
        command.Parameters.AddWithValue("$after", watering.AfterPercent);
        command.ExecuteNonQuery();
    }

    private static double? NullableDouble(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
