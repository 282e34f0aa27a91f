// Package: nanoFramework.System.Device.I2c 1.1.29 (namespace System.Device.I2c).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.6); never runs.

namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
        FastModePlus,
    }

    public class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            throw new NotImplementedException();
        }
    }

    public class I2cDevice : IDisposable
    {
        public static I2cDevice Create(I2cConnectionSettings settings)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
