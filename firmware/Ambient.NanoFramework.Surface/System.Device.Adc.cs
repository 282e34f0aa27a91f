// Package: nanoFramework.System.Device.Adc 1.1.24 (namespace System.Device.Adc).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.5); never runs.

namespace System.Device.Adc
{
    public class AdcChannel : IDisposable
    {
        /// <summary>Raw counts; on ESP32 12-bit at a fixed 12 dB attenuation.</summary>
        public int ReadValue()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }

    public class AdcController
    {
        public AdcController()
        {
            throw new NotImplementedException();
        }

        public int MaxValue => throw new NotImplementedException();

        public AdcChannel OpenChannel(int channelNumber)
        {
            throw new NotImplementedException();
        }
    }
}
