using System.Device.I2c;
using Ambient.Firmware.Simulator.Sensors;
using Ambient.Gateway.Sensors;
using Ambient.Gateway.Tests.Support;
using Ambient.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Sensors;

public sealed class IndoorSensorTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly CapturedLogs _logs = new();
    private readonly LoggerFactory _loggerFactory;
    private readonly List<I2cConnectionSettings> _opened = [];
    private (double Celsius, double Percent, double Pascal) _room = (21.7, 47.0, 101_325);

    public IndoorSensorTests()
    {
        _loggerFactory = new LoggerFactory([_logs]);
        Chip = new Bme280Simulator(() => _room);
        Device = new FlakyI2cDevice(Chip);
    }

    private Bme280Simulator Chip { get; }

    private FlakyI2cDevice Device { get; }

    [Fact]
    public async Task The_simulated_bme280_on_bus_1_at_0x76_is_reported_as_the_indoor_climate_in_forced_mode()
    {
        using var sensor = Create(enabled: true);

        await sensor.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => sensor.Reads == 1, "the first read at start");

        var settings = Assert.Single(_opened);
        Assert.Equal(1, settings.BusId);
        Assert.Equal(0x76, settings.DeviceAddress);
        var climate = sensor.Latest!;
        Assert.Equal(21.7, climate.Celsius, 0.01);
        Assert.Equal(47.0, climate.HumidityPercent, 0.05);
        Assert.Equal(1013.25, climate.PressureHectopascals, 0.05);
        Assert.Equal(Start, climate.At);
        Assert.True(Chip.Conversions >= 1, "each read should start a forced conversion");
        Assert.Contains(Chip.Writes, w => w.Length >= 2 && w[0] == Bme280Simulator.RegisterCtrlMeas && (w[1] & 0b11) is 0b01 or 0b10);

        _room = (18.25, 55.0, 99_800);
        var conversions = Chip.Conversions;
        _time.Advance(Interval);
        await Eventually.TrueAsync(() => sensor.Reads == 2, "the read one interval later");

        Assert.Equal(18.25, sensor.Latest!.Celsius, 0.01);
        Assert.Equal(55.0, sensor.Latest.HumidityPercent, 0.05);
        Assert.Equal(998.0, sensor.Latest.PressureHectopascals, 0.05);
        Assert.Equal(Start + Interval, sensor.Latest.At);
        Assert.True(Chip.Conversions > conversions, "the second read should convert again rather than reread old registers");
        Assert.Single(_opened);
        await sensor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_disabled_sensor_opens_no_device_and_reports_nothing()
    {
        using var sensor = Create(enabled: false);

        await sensor.StartAsync(CancellationToken.None);
        _time.Advance(Interval * 3);
        await sensor.ExecuteTask!;

        Assert.Empty(_opened);
        Assert.Equal(0, Chip.Conversions);
        Assert.Null(sensor.Latest);
        Assert.Null(sensor.Fresh);
        Assert.Equal(0, sensor.Reads + sensor.Failures);
    }

    [Fact]
    public async Task A_device_that_fails_is_counted_and_logged_by_bus_and_address_and_the_service_keeps_reading()
    {
        Device.Broken = true;
        using var sensor = Create(enabled: true, "IndoorSensor:BusId=3", "IndoorSensor:Address=0x77");

        await sensor.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => sensor.Failures == 1, "the failed first read");

        Assert.Null(sensor.Latest);
        Assert.False(sensor.ExecuteTask!.IsCompleted);
        var warning = Assert.Single(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("I2C bus 3 at address 0x77", warning, StringComparison.Ordinal);
        Assert.Contains("Remote I/O error", warning, StringComparison.Ordinal);

        _time.Advance(Interval);
        await Eventually.TrueAsync(() => sensor.Failures == 2, "the second failed read");
        Assert.False(sensor.ExecuteTask.IsCompleted);

        Device.Broken = false;
        _time.Advance(Interval);
        await Eventually.TrueAsync(() => sensor.Reads == 1, "the read after the device came back");
        Assert.Equal(21.7, sensor.Latest!.Celsius, 0.01);
        Assert.Equal(Start + (2 * Interval), sensor.Latest.At);
        Assert.Equal(3, _opened.Count); // reopened after each failure
        await sensor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_failed_read_keeps_the_last_reading_with_its_own_time_and_it_stops_being_fresh_after_two_intervals()
    {
        using var sensor = Create(enabled: true);
        Assert.True(sensor.TryRead());

        Device.Broken = true;
        _time.Advance(Interval);
        Assert.False(sensor.TryRead());

        Assert.Equal(1, sensor.Failures);
        Assert.Equal(Start, sensor.Latest!.At);
        Assert.Same(sensor.Latest, sensor.Fresh);

        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.NotNull(sensor.Fresh);
        Assert.Equal(22, sensor.FreshCelsius);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(sensor.Fresh);
        Assert.Null(sensor.FreshCelsius);
        Assert.Equal(Start, sensor.Latest.At);
    }

    [Fact]
    public void The_greeting_says_the_indoor_temperature_only_while_the_reading_is_fresh()
    {
        using var sensor = Create(enabled: true);
        sensor.TryRead();
        var weather = new WeatherFacts(3, 7, 2, "Light rain", Sky.Rain, 80, IsStale: false);
        var writer = new TemplateGenerator();
        Facts Facts() => new(Intent.MorningGreeting, "Ana", Start, weather, [], [], [], TargetDevice.Dashboard, IndoorCelsius: sensor.FreshCelsius);

        var fresh = Facts();
        _time.Advance(2 * Interval);
        var stale = Facts();

        // The writer may leave the indoor temperature out for space, but it can only say it while it is fresh.
        Assert.Equal(22, fresh.IndoorCelsius);
        Assert.Null(stale.IndoorCelsius);
        Assert.DoesNotContain("22", writer.Generate(stale).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IndoorSensor:BusId=-1", "IndoorSensor:BusId")]
    [InlineData("IndoorSensor:Address=0x80", "IndoorSensor:Address")]
    [InlineData("IndoorSensor:Address=3", "IndoorSensor:Address")]
    [InlineData("IndoorSensor:ReadInterval=00:00:00", "IndoorSensor:ReadInterval")]
    public async Task A_bad_setting_stops_start_up_with_an_error_naming_its_key(string setting, string key)
    {
        using var host = BuildHost(setting);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Empty(_opened);
    }

    [Fact]
    public async Task The_sensor_is_registered_off_by_default_and_the_address_may_be_written_in_hex()
    {
        using (var host = BuildHost())
        {
            await host.StartAsync();
            var sensor = host.Services.GetRequiredService<IndoorSensor>();
            Assert.False(sensor.Enabled);
            Assert.Null(sensor.Latest);
            await host.StopAsync();
        }

        using var hex = BuildHost("IndoorSensor:Address=0x77");
        Assert.Equal(0x77, hex.Services.GetRequiredService<IOptions<IndoorSensorOptions>>().Value.Address);
    }

    public void Dispose()
    {
        Device.Dispose();
        _loggerFactory.Dispose();
    }

    private IndoorSensor Create(bool enabled, params string[] settings)
    {
        var options = new IndoorSensorOptions { Enabled = enabled };
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(Split)).Build().GetSection(IndoorSensorOptions.Section).Bind(options);
        return new IndoorSensor(Options.Create(options), Open, _time, _loggerFactory.CreateLogger<IndoorSensor>());
    }

    private IHost BuildHost(params string[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(Split));
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<Func<I2cConnectionSettings, I2cDevice>>(Open);
        builder.Services.AddIndoorSensor(builder.Configuration);
        return builder.Build();
    }

    private I2cDevice Open(I2cConnectionSettings settings)
    {
        _opened.Add(settings);
        return Device;
    }

    private static KeyValuePair<string, string?> Split(string setting)
    {
        var at = setting.IndexOf('=', StringComparison.Ordinal);
        return new(setting[..at], setting[(at + 1)..]);
    }
}
