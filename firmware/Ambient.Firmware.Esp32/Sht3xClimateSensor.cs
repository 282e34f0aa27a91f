using System;
using System.Device.I2c;
using Ambient.Firmware.Hal;
using Iot.Device.Sht3x;

namespace Ambient.Firmware.Esp32
{
    /// <summary>IClimateSensor over the Sht3x binding (planter: SHT31 at 0x44 on I2C1).</summary>
    public sealed class Sht3xClimateSensor : IClimateSensor
    {
        private readonly Sht3x _sensor;
        private readonly ILog _log;

        public Sht3xClimateSensor(int busId, int address, ILog log)
        {
            _sensor = new Sht3x(I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.StandardMode)), Resolution.High);
            _log = log;
        }

        public bool TryRead(out int centiCelsius, out int humidityPermille)
        {
            centiCelsius = 0;
            humidityPermille = 0;
            double celsius;
            double percent;
            try
            {
                celsius = _sensor.Temperature.DegreesCelsius;
                percent = _sensor.Humidity.Percent;
            }
            catch (Exception ex)
            {
                // A missing sensor NACKs its address; the binding reports that as an exception.
                _log.Write("sht3x: " + ex.Message);
                return false;
            }

            // The binding reports a failed CRC as NaN.
            if (double.IsNaN(celsius) || double.IsNaN(percent))
            {
                return false;
            }

            centiCelsius = Rounding.Scaled(celsius, 100);
            humidityPermille = Rounding.Scaled(percent, 10);
            return true;
        }
    }
}
