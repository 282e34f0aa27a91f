using Ambient.Gateway.Storage;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Storage;

public sealed class DatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-db-").FullName;

    [Fact]
    public void Schemas_are_applied_in_order_on_a_new_file_in_wal_mode()
    {
        var database = new Database(
            Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir, "sub", "a.db") }),
            [new Schema(2, "CREATE TABLE IF NOT EXISTS child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent(id));"),
             new Schema(1, "CREATE TABLE IF NOT EXISTS parent (id INTEGER PRIMARY KEY);")]);

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type='table' ORDER BY name)";
        Assert.Equal("child,parent", command.ExecuteScalar());
        command.CommandText = "INSERT INTO child (id, parent) VALUES (1, 99)";
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQuery()); // foreign keys are on
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_database_and_its_wal_are_readable_by_the_gateways_user_only_even_if_an_older_version_made_it_0644()
    {
        var path = Path.Combine(_dir, "ambient.db");
        var old = Path.Combine(_dir, "old.db");
        File.WriteAllBytes(old, []);
        File.SetUnixFileMode(old, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        foreach (var file in new[] { path, old })
        {
            var database = new Database(Options.Create(new StorageOptions { DatabasePath = file }), [new Schema(1, "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY);")]);
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO t DEFAULT VALUES";
            command.ExecuteNonQuery();

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file + "-wal"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Schema(int Order, string Ddl) : ISchema;
}
