using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Tests.Support;

/// <summary>Reads straight from the SQLite file, so tests check what is on disk, not what a service says.</summary>
public static class Query
{
    public static long Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = command.ExecuteScalar();
        return result is null or DBNull ? -1 : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
