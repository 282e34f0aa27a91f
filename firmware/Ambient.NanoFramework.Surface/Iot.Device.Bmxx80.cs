// Package: nanoFramework.Iot.Device.Bmxx80 1.2.1016 (namespaces Iot.Device.Bmxx80, Iot.Device.Bmxx80.ReadResult).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.12); never runs.

using System;
using System.Device.I2c;
using Iot.Device.Bmxx80.ReadResult;
using UnitsNet;

namespace Iot.Device.Bmxx80.ReadResult
{
    public class Bme280ReadResult
    {
        public Temperature Temperature => throw new NotImplementedException();

        public bool TemperatureIsValid => throw new NotImplementedException();

        public RelativeHumidity Humidity => throw new NotImplementedException();

        public bool HumidityIsValid => throw new NotImplementedException();
    }
}

namespace Iot.Device.Bmxx80
{
    public enum Sampling : byte
    {
        Skipped = 0b000,
        UltraLowPower = 0b001,
        LowPower = 0b010,
        Standard = 0b011,
        HighResolution = 0b100,
        UltraHighResolution = 0b101,
    }

    public class Bme280 : IDisposable
    {
        public Bme280(I2cDevice i2cDevice)
        {
            throw new NotImplementedException();
        }

        public Sampling TemperatureSampling
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public Sampling HumiditySampling
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public Sampling PressureSampling
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>A synchronous measurement (forced mode), with a validity flag per quantity.</summary>
        public Bme280ReadResult Read()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
