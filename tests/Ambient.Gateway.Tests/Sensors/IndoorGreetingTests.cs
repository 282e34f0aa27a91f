using System.Device.I2c;
using Ambient.Firmware.Simulator.Sensors;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Sensors;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Sensors;

/// <summary>The indoor sensor as Program.cs composes it, seen through the greeting service's facts.</summary>
public sealed class IndoorGreetingTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-indoor-").FullName;
    private readonly FakeTimeProvider _time = new(TestGateway.DefaultNow);
    private WebApplication? _app;

    [Fact]
    public async Task Greetings_gather_the_indoor_temperature_from_each_new_reading()
    {
        var chip = new Bme280Simulator(() => (20.8, 45.0, 100_900));
        var app = await StartAsync(chip, "--IndoorSensor:Enabled=true");
        var sensor = app.Services.GetRequiredService<IndoorSensor>();
        var greetings = app.Services.GetRequiredService<GreetingService>();
        await Eventually.TrueAsync(() => sensor.Reads == 1, "the first indoor read");

        var fresh = greetings.GatherFacts();
        _time.Advance(TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => sensor.Reads == 3, "the reads at 5 and 10 minutes");
        var stillFresh = greetings.GatherFacts();

        Assert.Equal(21, fresh.IndoorCelsius);
        Assert.Equal(21, stillFresh.IndoorCelsius);
        Assert.Equal(0, sensor.Failures);
    }

    [Fact]
    public async Task Greetings_leave_out_the_indoor_temperature_once_the_sensor_has_failed_for_two_intervals()
    {
        var device = new FlakyI2cDevice(new Bme280Simulator(() => (20.8, 45.0, 100_900)));
        var app = await StartAsync(device, "--IndoorSensor:Enabled=true", "--IndoorSensor:ReadInterval=00:01:00");
        var sensor = app.Services.GetRequiredService<IndoorSensor>();
        var greetings = app.Services.GetRequiredService<GreetingService>();
        await Eventually.TrueAsync(() => sensor.Reads == 1, "the first indoor read");

        device.Broken = true;
        _time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => sensor.Failures == 1, "the first failed read");
        var afterOneFailure = greetings.GatherFacts();
        _time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => sensor.Failures == 2, "the second failed read");
        var afterTwoFailures = greetings.GatherFacts();

        Assert.Equal(21, afterOneFailure.IndoorCelsius);
        Assert.Null(afterTwoFailures.IndoorCelsius);
        Assert.NotNull(sensor.Latest);
    }

    [Fact]
    public async Task Without_the_setting_the_sensor_is_off_and_greetings_have_no_indoor_temperature()
    {
        var app = await StartAsync(new Bme280Simulator(() => (20.8, 45.0, 100_900)));

        var facts = app.Services.GetRequiredService<GreetingService>().GatherFacts();

        Assert.Null(facts.IndoorCelsius);
        Assert.Equal(0, app.Services.GetRequiredService<IndoorSensor>().Reads);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<WebApplication> StartAsync(I2cDevice device, params string[] settings)
    {
        string[] args =
        [
            $"--DataDirectory={_dir}",
            "--Broker:Address=127.0.0.1",
            "--Broker:Port=0",
            "--Api:Url=http://127.0.0.1:0",
            "--Weather:UseBundledSample=true",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var builder = GatewayHost.CreateBuilder(args);
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<Func<I2cConnectionSettings, I2cDevice>>(_ => device);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddDevices(builder.Configuration);
        builder.Services.AddGateway(builder.Configuration);
        _app = builder.Build();
        await _app.StartAsync();
        return _app;
    }
}
