using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Storage;

/// <summary>
/// The gateway's SQLite file: WAL journal so readers never block the ingest writer, synchronous=FULL because a
/// PUBACK promises the reading is on disk, and foreign keys on. Connections are cheap (pooled); open one per unit
/// of work and dispose it.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(IOptions<StorageOptions> options, IEnumerable<ISchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(options);
        Path = System.IO.Path.GetFullPath(options.Value.DatabasePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        KeepPrivate(Path);
        using var connection = Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            pragma.ExecuteNonQuery();
        }

        foreach (var schema in schemas.OrderBy(s => s.Order))
        {
            using var command = connection.CreateCommand();
            command.CommandText = schema.Ddl;
            command.ExecuteNonQuery();
        }
    }

    public string Path { get; }

    /// <summary>
    /// The database holds the devices' secret hashes: it is created (empty, which SQLite takes as a new database)
    /// with mode 0600, and one made readable by an older version is closed again. SQLite gives its -wal and -shm
    /// files the database file's mode.
    /// </summary>
    private static void KeepPrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Private });
        }
        else if (File.GetUnixFileMode(path) != Private)
        {
            File.SetUnixFileMode(path, Private);
        }
    }

    /// <summary>An open connection with the per-connection pragmas applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
        return connection;
    }
}
