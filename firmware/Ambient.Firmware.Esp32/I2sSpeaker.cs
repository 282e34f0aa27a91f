using System;
using System.Device.I2s;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>IAudioOutput over I2S bus 2 in Master | Tx (MAX98357A: 16 kHz, 16-bit mono in the left slot).</summary>
    public sealed class I2sSpeaker : IAudioOutput
    {
        /// <summary>A second of 16 kHz 16-bit audio in DMA, as the nanoFramework WAV player sample uses.</summary>
        private const int DmaBufferBytes = 32000;
        private readonly I2sDevice _device;

        public I2sSpeaker(int busId, int sampleRate)
        {
            _device = new I2sDevice(new I2sConnectionSettings(busId)
            {
                Mode = I2sMode.Master | I2sMode.Tx,
                SampleRate = sampleRate,
                BitsPerSample = I2sBitsPerSample.Bit16,
                ChannelFormat = I2sChannelFormat.OnlyLeft,
                CommunicationFormat = I2sCommunicationFormat.I2S,
                BufferSize = DmaBufferBytes,
            });
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _device.Write(new SpanByte(buffer, offset, count));
        }
    }
}
