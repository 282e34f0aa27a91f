using Ambient.Firmware.Hal;
using Iot.Device.Sht3x;

namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>IClimateSensor through the real Iot.Device.Sht3x driver, as the ESP32 HAL does with the nanoFramework one.</summary>
internal sealed class DriverClimateSensor(Sht3xSimulator chip) : IClimateSensor, IDisposable
{
    private readonly Sht3x _driver = new(chip);

    public bool TryRead(out int centiCelsius, out int humidityPermille)
    {
        var temperature = _driver.Temperature.DegreesCelsius;
        var humidity = _driver.Humidity.Percent;
        centiCelsius = (int)Math.Round(temperature * 100);
        humidityPermille = (int)Math.Round(humidity * 10);
        return !double.IsNaN(temperature) && !double.IsNaN(humidity);
    }

    public void Dispose() => _driver.Dispose();
}
