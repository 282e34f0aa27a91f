// Package: nanoFramework.System.Device.Spi 1.3.89 (namespace System.Device.Spi).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.11); never runs.

namespace System.Device.Spi
{
    public enum SpiMode
    {
        Mode0,
        Mode1,
        Mode2,
        Mode3,
    }

    public enum SpiBusConfiguration
    {
        FullDuplex,
        HalfDuplex,
    }

    public enum DataFlow
    {
        MsbFirst,
        LsbFirst,
    }

    public class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine)
        {
            throw new NotImplementedException();
        }

        public int ClockFrequency
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public SpiMode Mode
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public bool ChipSelectLineActiveState
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public SpiBusConfiguration Configuration
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public DataFlow DataFlow
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }
    }

    public class SpiDevice : IDisposable
    {
        public SpiDevice(SpiConnectionSettings settings)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
