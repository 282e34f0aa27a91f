using Ambient.Gateway.Plants;
using Ambient.Gateway.Storage;
using Ambient.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Plants;

public sealed class PlantMonitorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-plants-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private PlantMonitor NewMonitor()
    {
        var database = new Database(
            Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir, "a.db") }),
            [new PlantsSchema()]);
        var options = new PlantsOptions();
        options.Pots.Add(new PotOptions { DeviceId = "planter-1", Name = "Basil", Species = "basil", RawDry = 2800, RawWet = 1100 });
        return new PlantMonitor(new PlantStore(database), Options.Create(options), _time, NullLogger<PlantMonitor>.Instance);
    }

    [Fact]
    public async Task Calibrated_raw_readings_drive_the_state_and_a_change_raises_one_event_with_the_downlink()
    {
        var monitor = NewMonitor();
        var changes = new List<PlantStateChanged>();
        monitor.StateChangedAsync += e => { changes.Add(e); return Task.CompletedTask; };
        var now = _time.GetUtcNow();

        // 2460 raw = 20 % of the 2800→1100 span: basil (min 40 %) is thirsty. SoilMoisturePermille is ignored for a calibrated pot.
        await monitor.OnReadingsAsync("planter-1", [(now, SensorKind.SoilRaw, 2460), (now, SensorKind.SoilMoisturePermille, 900), (now, SensorKind.TemperatureCentiCelsius, 2150)]);
        _time.Advance(TimeSpan.FromMinutes(15));
        await monitor.OnReadingsAsync("planter-1", [(_time.GetUtcNow(), SensorKind.SoilRaw, 2470)]);

        var change = Assert.Single(changes);
        Assert.Equal(PlantCondition.Unknown, change.Previous);
        Assert.Equal(PlantCondition.Thirsty, change.Current.Condition);
        Assert.Equal(200, change.Message.MoisturePermille);
        Assert.Equal("Basil", change.Summary.PlantName);
        Assert.Equal(20, change.Summary.MoisturePercent);
    }

    [Fact]
    public async Task A_watering_is_reported_and_the_state_survives_a_restart()
    {
        var monitor = NewMonitor();
        var waterings = new List<PlantWatered>();
        monitor.WateredAsync += e => { waterings.Add(e); return Task.CompletedTask; };

        await monitor.OnReadingsAsync("planter-1", [(_time.GetUtcNow(), SensorKind.SoilRaw, 2460)]);
        _time.Advance(TimeSpan.FromMinutes(15));
        var wateredAt = _time.GetUtcNow();
        await monitor.OnReadingsAsync("planter-1", [(wateredAt, SensorKind.SoilRaw, 1600)]); // 20 % → 70.6 %

        Assert.Equal(wateredAt, Assert.Single(waterings).Watering.At);
        Assert.Equal(PlantCondition.Ok, monitor.GetState("planter-1")!.Condition);

        var restarted = NewMonitor();
        var state = restarted.GetState("planter-1");
        Assert.NotNull(state);
        Assert.Equal(PlantCondition.Ok, state.Condition);
        Assert.Equal(wateredAt, state.LastWatered);
        Assert.Equal("Basil", Assert.Single(restarted.GetSummaries()).PlantName);
    }

    [Fact]
    public async Task Readings_from_a_device_without_a_pot_are_ignored()
    {
        var monitor = NewMonitor();

        var state = await monitor.OnReadingsAsync("magnet-1", [(_time.GetUtcNow(), SensorKind.SoilRaw, 2000)]);

        Assert.Null(state);
        Assert.Null(monitor.GetState("magnet-1"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
