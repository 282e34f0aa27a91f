using System;
using System.Device.I2c;
using Ambient.Firmware.Hal;
using Iot.Device.Bmxx80;

namespace Ambient.Firmware.Esp32
{
    /// <summary>IClimateSensor over the Bmxx80 binding (magnet: BME280 at 0x76 on I2C1); pressure is not used.</summary>
    public sealed class Bme280ClimateSensor : IClimateSensor
    {
        private readonly Bme280 _sensor;
        private readonly ILog _log;

        public Bme280ClimateSensor(int busId, int address, ILog log)
        {
            _sensor = new Bme280(I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.StandardMode)))
            {
                TemperatureSampling = Sampling.Standard,
                HumiditySampling = Sampling.Standard,
                PressureSampling = Sampling.Skipped,
            };
            _log = log;
        }

        public bool TryRead(out int centiCelsius, out int humidityPermille)
        {
            centiCelsius = 0;
            humidityPermille = 0;
            try
            {
                // Read() is a forced-mode measurement: one conversion, then the sensor sleeps again.
                var result = _sensor.Read();
                if (!result.TemperatureIsValid || !result.HumidityIsValid)
                {
                    return false;
                }

                centiCelsius = Rounding.Scaled(result.Temperature.DegreesCelsius, 100);
                humidityPermille = Rounding.Scaled(result.Humidity.Percent, 10);
                return true;
            }
            catch (Exception ex)
            {
                _log.Write("bme280: " + ex.Message);
                return false;
            }
        }
    }
}
