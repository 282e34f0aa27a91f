// Packages: nanoFramework.UnitsNet.Temperature 5.76.15, nanoFramework.UnitsNet.RelativeHumidity 5.76.15,
// nanoFramework.UnitsNet.Illuminance 5.76.15 (namespace UnitsNet).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.12); never runs.

using System;

namespace UnitsNet
{
    public struct Temperature
    {
        public double DegreesCelsius => throw new NotImplementedException();
    }

    public struct RelativeHumidity
    {
        public double Percent => throw new NotImplementedException();
    }

    public struct Illuminance
    {
        public double Lux => throw new NotImplementedException();
    }
}
