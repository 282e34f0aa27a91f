using Ambient.Firmware.Hal;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;

namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>
/// IClimateSensor through the real Iot.Device.Bmxx80 driver, as the fridge magnet's ESP32 HAL does with the
/// nanoFramework one. Configured for the datasheet's "weather monitoring" case (BST-BME280-DS002 §3.5.1): forced mode
/// (every <see cref="Bme280.Read"/> starts one conversion, after which the chip sleeps), ×1 oversampling of
/// temperature, pressure and humidity, IIR filter off.
/// </summary>
internal sealed class DriverBme280ClimateSensor : IClimateSensor, IDisposable
{
    private readonly Bme280 _driver;

    /// <param name="chip">The register model on the bus.</param>
    /// <param name="measurePressure">False skips the pressure conversion (osrs_p = 000), as the magnet's firmware does.</param>
    public DriverBme280ClimateSensor(Bme280Simulator chip, bool measurePressure = true)
    {
        _driver = new Bme280(chip)
        {
            TemperatureSampling = Sampling.UltraLowPower,
            PressureSampling = measurePressure ? Sampling.UltraLowPower : Sampling.Skipped,
            HumiditySampling = Sampling.UltraLowPower,
            FilterMode = Bmx280FilteringMode.Off,
        };
    }

    public bool TryRead(out int centiCelsius, out int humidityPermille)
    {
        var result = _driver.Read();
        if (result.Temperature is not { } temperature || result.Humidity is not { } humidity
            || double.IsNaN(temperature.DegreesCelsius) || double.IsNaN(humidity.Percent))
        {
            centiCelsius = 0;
            humidityPermille = 0;
            return false;
        }

        centiCelsius = Scaled(temperature.DegreesCelsius, 100);
        humidityPermille = Scaled(humidity.Percent, 10);
        return true;
    }

    /// <summary>One forced conversion; false (and 0) when the driver reports no pressure, e.g. when it is skipped.</summary>
    public bool TryReadPressure(out int pascal)
    {
        var result = _driver.Read();
        if (result.Pressure is not { } pressure || double.IsNaN(pressure.Pascals))
        {
            pascal = 0;
            return false;
        }

        pascal = Scaled(pressure.Pascals, 1);
        return true;
    }

    public void Dispose() => _driver.Dispose();

    // Half away from zero, as the ESP32 HAL's Rounding.Scaled does.
    private static int Scaled(double value, int factor) => (int)Math.Round(value * factor, MidpointRounding.AwayFromZero);
}
