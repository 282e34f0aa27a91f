// Package: nanoFramework.System.Device.I2s 1.0.28 (namespace System.Device.I2s).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.8); never runs.

namespace System.Device.I2s
{
    [Flags]
    public enum I2sMode
    {
        Master = 1,
        Slave = 2,
        Tx = 4,
        Rx = 8,
        DacBuiltIn = 16,
        AdcBuiltIn = 32,
        Pdm = 64,
    }

    public enum I2sBitsPerSample
    {
        Bit8,
        Bit16,
        Bit24,
        Bit32,
    }

    public enum I2sChannelFormat
    {
        RightLeft,
        AllRight,
        AllLeft,
        OnlyRight,
        OnlyLeft,
    }

    public enum I2sCommunicationFormat
    {
        I2S,
        Msb,
        PcmShort,
        PcmLong,
    }

    public class I2sConnectionSettings
    {
        public I2sConnectionSettings(int busId)
        {
            throw new NotImplementedException();
        }

        public I2sMode Mode
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public int SampleRate
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public I2sBitsPerSample BitsPerSample
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public I2sChannelFormat ChannelFormat
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public I2sCommunicationFormat CommunicationFormat
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public int BufferSize
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }
    }

    public class I2sDevice : IDisposable
    {
        public I2sDevice(I2sConnectionSettings settings)
        {
            throw new NotImplementedException();
        }

        /// <summary>Blocks until the whole span is filled.</summary>
        public void Read(SpanByte buffer)
        {
            throw new NotImplementedException();
        }

        /// <summary>Blocks until the whole span is written.</summary>
        public void Write(SpanByte buffer)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
