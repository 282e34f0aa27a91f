using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Sensors;

/// <summary>
/// The gateway's own BME280 (indoor temperature, humidity, pressure), read in forced mode every
/// IndoorSensor:ReadInterval through Iot.Device.Bmxx80. Always registered; when disabled it opens nothing and
/// <see cref="Latest"/> stays null. A failed read is counted and logged and the last reading is kept with its time,
/// never re-stamped: <see cref="Fresh"/> is what may be shown as "now".
/// </summary>
public sealed class IndoorSensor(
    IOptions<IndoorSensorOptions> options,
    Func<I2cConnectionSettings, I2cDevice> openDevice,
    TimeProvider time,
    ILogger<IndoorSensor> logger) : BackgroundService
{
    private readonly IndoorSensorOptions _options = options.Value;
    private Bme280? _driver;
    private int _reads;
    private int _failures;

    public bool Enabled => _options.Enabled;

    /// <summary>The last successful reading, however old (null before the first one, and always when disabled).</summary>
    public IndoorClimate? Latest { get; private set; }

    /// <summary>The last reading if it is younger than two read intervals (one missed read is tolerated), otherwise null.</summary>
    public IndoorClimate? Fresh => Latest is { } latest && time.GetUtcNow() - latest.At < 2 * _options.ReadInterval ? latest : null;

    /// <summary>The fresh reading's temperature in whole degrees, as a greeting says it; null when there is none.</summary>
    public int? FreshCelsius => Fresh is { } fresh ? (int)Math.Round(fresh.Celsius) : null;

    public int Reads => Volatile.Read(ref _reads);

    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Reads once now; false (counted and logged) when the device could not be opened or read.</summary>
    public bool TryRead()
    {
        try
        {
            _driver ??= Open();
            var result = _driver.Read();
            if (result.Temperature is not { } temperature || result.Humidity is not { } humidity || result.Pressure is not { } pressure)
            {
                throw new IOException("the BME280 returned a skipped measurement");
            }

            var climate = new IndoorClimate(temperature.DegreesCelsius, humidity.Percent, pressure.Hectopascals, time.GetUtcNow());
            Latest = climate;
            Interlocked.Increment(ref _reads);
            SensorsLog.Read(logger, climate.Celsius, climate.HumidityPercent, climate.PressureHectopascals);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or TimeoutException or ArgumentException)
        {
            // Reopen on the next read: the sensor may have been reconnected, or the bus enabled, since.
            _driver?.Dispose();
            _driver = null;
            var failures = Interlocked.Increment(ref _failures);
            SensorsLog.ReadFailed(logger, _options.BusId, _options.Address, failures, e.Message);
            return false;
        }
    }

    public override void Dispose()
    {
        _driver?.Dispose();
        _driver = null;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        SensorsLog.Enabled(logger, _options.BusId, _options.Address, _options.ReadInterval);
        // The timer starts before the first read so that the reads keep to the interval however long one takes.
        using var timer = new PeriodicTimer(_options.ReadInterval, time);
        TryRead();
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            TryRead();
        }
    }

    private Bme280 Open()
    {
        var device = openDevice(new I2cConnectionSettings(_options.BusId, _options.Address));
        try
        {
            // The constructor checks the chip id (0x60, datasheet §5.4.1) and reads the trimming parameters.
            var driver = new Bme280(device);
            driver.SetPowerMode(Bmx280PowerMode.Forced);
            return driver;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException or ArgumentException)
        {
            device.Dispose();
            throw;
        }
    }
}
