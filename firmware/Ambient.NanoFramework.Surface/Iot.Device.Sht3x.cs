// Package: nanoFramework.Iot.Device.Sht3x 1.2.889 (namespace Iot.Device.Sht3x).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.12); never runs.

using System;
using System.Device.I2c;
using UnitsNet;

namespace Iot.Device.Sht3x
{
    public enum Resolution : byte
    {
        High = 0x00,
        Medium = 0x0B,
        Low = 0x16,
    }

    public class Sht3x : IDisposable
    {
        public Sht3x(I2cDevice i2cDevice, Resolution resolution = Resolution.High)
        {
            throw new NotImplementedException();
        }

        /// <summary>Measures; NaN when the sensor's CRC check failed.</summary>
        public Temperature Temperature => throw new NotImplementedException();

        public RelativeHumidity Humidity => throw new NotImplementedException();

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
