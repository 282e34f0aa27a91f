using System;
using System.Device.I2c;
using Ambient.Firmware.Hal;
using Iot.Device.Bh1750fvi;

namespace Ambient.Firmware.Esp32
{
    /// <summary>ILightSensor over the Bh1750fvi binding in one-time mode (the sensor powers down after each reading).</summary>
    public sealed class Bh1750LightSensor : ILightSensor
    {
        private readonly Bh1750fvi _sensor;
        private readonly ILog _log;

        public Bh1750LightSensor(int busId, int address, ILog log)
        {
            _sensor = new Bh1750fvi(I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.StandardMode)), MeasuringMode.OneTimeHighResolutionMode);
            _log = log;
        }

        public bool TryReadLux(out int lux)
        {
            lux = 0;
            double value;
            try
            {
                value = _sensor.Illuminance.Lux;
            }
            catch (Exception ex)
            {
                _log.Write("bh1750: " + ex.Message);
                return false;
            }

            if (double.IsNaN(value) || value < 0)
            {
                return false;
            }

            lux = Rounding.Scaled(value, 1);
            return true;
        }
    }
}
