// Package: nanoFramework.Iot.Device.Bh1750fvi 1.2.889 (namespace Iot.Device.Bh1750fvi).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.12); never runs.

using System;
using System.Device.I2c;
using UnitsNet;

namespace Iot.Device.Bh1750fvi
{
    public enum MeasuringMode : byte
    {
        ContinuouslyHighResolutionMode = 0b_0001_0000,
        ContinuouslyHighResolutionMode2 = 0b_0001_0001,
        ContinuouslyLowResolutionMode = 0b_0001_0011,
        OneTimeHighResolutionMode = 0b_0010_0000,
        OneTimeHighResolutionMode2 = 0b_0010_0001,
        OneTimeLowResolutionMode = 0b_0010_0011,
    }

    public class Bh1750fvi : IDisposable
    {
        public Bh1750fvi(I2cDevice i2cDevice, MeasuringMode measuringMode = MeasuringMode.ContinuouslyHighResolutionMode, double lightTransmittance = 1)
        {
            throw new NotImplementedException();
        }

        public Illuminance Illuminance => throw new NotImplementedException();

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
