using Ambient.Gateway.Devices;
using Ambient.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Support;

/// <summary>A device registry on a real SQLite file in a temporary directory, without a host.</summary>
public sealed class TestRegistry : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-devices-").FullName;

    public TestRegistry()
    {
        var options = Options.Create(new DevicesOptions { Argon2MemoryKiB = 1024, Argon2Iterations = 1 });
        Database = new Database(Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir, "ambient.db") }), [new DeviceSchemaForTests()]);
        Registry = new DeviceRegistry(Database, new SecretHasher(options), Time);
        Authenticator = new DeviceAuthenticator(Registry, options);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    public Database Database { get; }

    public DeviceRegistry Registry { get; }

    public DeviceAuthenticator Authenticator { get; }

    public void Dispose()
    {
        Authenticator.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    // The registry's own schema type is internal to the gateway; the tests see it through InternalsVisibleTo.
    private sealed class DeviceSchemaForTests : ISchema
    {
        private readonly DeviceSchema _schema = new();

        public int Order => _schema.Order;

        public string Ddl => _schema.Ddl;
    }
}
