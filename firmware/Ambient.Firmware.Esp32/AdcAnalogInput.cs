using System.Device.Adc;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>IAnalogInput over one ADC channel: raw 12-bit counts (the ESP32 port fixes 12 dB attenuation).</summary>
    public sealed class AdcAnalogInput : IAnalogInput
    {
        private readonly AdcChannel _channel;

        public AdcAnalogInput(AdcController controller, int channel)
        {
            _channel = controller.OpenChannel(channel);
        }

        public int ReadRaw()
        {
            return _channel.ReadValue();
        }
    }
}
