using Ambient.Gateway.Devices;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Telemetry;

public sealed class RetentionJobTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 5, 31, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OldHour = new(2026, 4, 20, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CutoffHour = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-retention-").FullName;
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Database _database;
    private readonly RetentionJob _job;
    private int _seq;

    public RetentionJobTests()
    {
        _database = new Database(Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir, "a.db") }), [new DeviceSchema(), new TelemetrySchema()]);
        _job = new RetentionJob(_database, Options.Create(new TelemetryOptions()), _time, NullLogger<RetentionJob>.Instance);
    }

    [Fact]
    public void Raw_readings_older_than_30_days_become_hourly_aggregates_and_are_deleted()
    {
        Insert(OldHour, 10);
        Insert(OldHour.AddMinutes(10), 20);
        Insert(OldHour.AddMinutes(59).AddSeconds(59), 30);
        Insert(OldHour.AddHours(1), 99); // the next hour is its own group
        Insert(CutoffHour.AddMinutes(15), 50); // in the first hour that is kept raw
        Insert(Now.AddHours(-1), 70);

        var result = _job.RunOnce();

        Assert.Equal(CutoffHour, result.Cutoff);
        Assert.Equal(4, result.DeletedReadings);
        Assert.Equal(2, Scalar("SELECT count(*) FROM readings"));
        Assert.Equal((10, 30, 60, 3), Hour(OldHour));
        Assert.Equal((99, 99, 99, 1), Hour(OldHour.AddHours(1)));
        Assert.Equal((50, 50, 50, 1), Hour(CutoffHour));
        Assert.Equal(4, Scalar("SELECT count(*) FROM readings_hourly"));
    }

    [Fact]
    public void A_late_reading_recomputes_its_hour_and_leaves_folded_hours_alone()
    {
        Insert(OldHour, 10);
        Insert(CutoffHour.AddMinutes(15), 50);
        _job.RunOnce();

        Insert(CutoffHour.AddMinutes(45), 150);
        var second = _job.RunOnce();

        Assert.Equal(1, second.AggregatedGroups);
        Assert.Equal((50, 150, 200, 2), Hour(CutoffHour));
        Assert.Equal((10, 10, 10, 1), Hour(OldHour));
    }

    [Fact]
    public void Aggregates_outlive_their_raw_readings_when_the_clock_moves_on()
    {
        Insert(Now.AddHours(-1), 70);
        Insert(Now.AddHours(-1).AddMinutes(1), 80);
        _job.RunOnce();

        _time.Advance(TimeSpan.FromDays(31));
        var later = _job.RunOnce();

        Assert.Equal(2, later.DeletedReadings);
        Assert.Equal(0, Scalar("SELECT count(*) FROM readings"));
        var hour = Now.AddHours(-1);
        Assert.Equal((70, 80, 150, 2), Hour(new DateTimeOffset(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_second_run_without_new_readings_changes_nothing()
    {
        Insert(CutoffHour.AddMinutes(15), 50);
        _job.RunOnce();

        var again = _job.RunOnce();

        Assert.Equal(0, again.AggregatedGroups);
        Assert.Equal(0, again.DeletedReadings);
        Assert.Equal((50, 50, 50, 1), Hour(CutoffHour));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private void Insert(DateTimeOffset at, int value)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO readings (device, boot, seq, kind, value, ts, estimated, received) VALUES ('kitchen-basil', 1, $seq, 4, $value, $ts, 0, $ts)";
        command.Parameters.AddWithValue("$seq", ++_seq);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$ts", at.ToUnixTimeSeconds());
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = _database.Open();
        return Query.Scalar(connection, sql);
    }

    private (long Min, long Max, long Sum, long Count) Hour(DateTimeOffset hour)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min, max, sum, count FROM readings_hourly WHERE device = 'kitchen-basil' AND kind = 4 AND hour = $h";
        command.Parameters.AddWithValue("$h", hour.ToUnixTimeSeconds());
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"no aggregate for {hour:u}");
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
