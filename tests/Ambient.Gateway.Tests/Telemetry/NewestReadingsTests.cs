using Ambient.Gateway.Devices;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Telemetry;

public sealed class NewestReadingsTests : IDisposable
{
    private const long Since = 1_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-newest-").FullName;
    private readonly Database _database;
    private readonly NewestReadings _newest;
    private int _seq;

    public NewestReadingsTests()
    {
        _database = new Database(Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir, "a.db") }), [new DeviceSchema(), new TelemetrySchema()]);
        _newest = new NewestReadings(_database);
    }

    [Fact]
    public void First_look_takes_the_newest_of_each_kind_inside_the_window()
    {
        Insert("basil", SensorKind.TemperatureCentiCelsius, 200, at: 900); // before the window
        Insert("basil", SensorKind.TemperatureCentiCelsius, 210, at: 1_100);
        Insert("basil", SensorKind.TemperatureCentiCelsius, 215, at: 1_200);
        Insert("basil", SensorKind.TemperatureCentiCelsius, 205, at: 1_150); // late, older
        Insert("basil", SensorKind.IlluminanceLux, 300, at: 950); // only before the window
        Insert("fern", SensorKind.TemperatureCentiCelsius, 180, at: 1_300);

        Assert.Equal([new NewestReading(SensorKind.TemperatureCentiCelsius, 215, 1_200)], _newest.For("basil", Since));
        Assert.Equal([new NewestReading(SensorKind.TemperatureCentiCelsius, 180, 1_300)], _newest.For("fern", Since));
        Assert.Empty(_newest.For("mint", Since));
    }

    [Fact]
    public void Later_looks_fold_in_only_what_was_committed_since_and_keep_the_newest_by_time()
    {
        Insert("basil", SensorKind.TemperatureCentiCelsius, 210, at: 1_100);
        Assert.Single(_newest.For("basil", Since));

        Insert("basil", SensorKind.TemperatureCentiCelsius, 220, at: 1_400);
        Insert("basil", SensorKind.HumidityPermille, 550, at: 1_400);
        Insert("basil", SensorKind.TemperatureCentiCelsius, 199, at: 1_050); // replayed from flash: older than what is known
        var state = _newest.For("basil", Since).OrderBy(r => r.Kind).ToList();

        Assert.Equal([new NewestReading(SensorKind.TemperatureCentiCelsius, 220, 1_400), new NewestReading(SensorKind.HumidityPermille, 550, 1_400)], state);
        // A reading that has left the window is no longer the device's state.
        Assert.Equal([SensorKind.TemperatureCentiCelsius, SensorKind.HumidityPermille], _newest.For("basil", 1_200).Select(r => r.Kind).Order());
        Assert.Empty(_newest.For("basil", 1_500));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private void Insert(string device, SensorKind kind, long value, long at)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO readings (device, boot, seq, kind, value, ts, estimated, received) VALUES ($device, 1, $seq, $kind, $value, $ts, 0, $ts)";
        command.Parameters.AddWithValue("$device", device);
        command.Parameters.AddWithValue("$seq", ++_seq);
        command.Parameters.AddWithValue("$kind", (int)kind);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$ts", at);
        command.ExecuteNonQuery();
    }
}
