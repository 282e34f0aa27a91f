using System;
using System.Device.I2s;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IAudioInput over I2S bus 1 in Master | Rx (INMP441: 16 kHz, 16-bit, left slot). The port reads 32-bit frames and
    /// hands over the upper 16 bits, so the buffer holds 16-bit little-endian PCM; DMA does the per-sample work.
    /// </summary>
    public sealed class I2sMicrophone : IAudioInput
    {
        private readonly I2sDevice _device;

        public I2sMicrophone(int busId, int sampleRate)
        {
            _device = new I2sDevice(new I2sConnectionSettings(busId)
            {
                Mode = I2sMode.Master | I2sMode.Rx,
                SampleRate = sampleRate,
                BitsPerSample = I2sBitsPerSample.Bit16,
                ChannelFormat = I2sChannelFormat.OnlyLeft,
                CommunicationFormat = I2sCommunicationFormat.I2S,
            });
        }

        /// <summary>I2sDevice.Read blocks until the span is full, so this always returns count.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            _device.Read(new SpanByte(buffer, offset, count));
            return count;
        }
    }
}
