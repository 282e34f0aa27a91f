using System.Device.Adc;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IBattery over an ADC channel behind a resistor divider (values from hardware/&lt;device&gt;/pins.json). The ESP32
    /// port exposes raw counts only, so counts are scaled by the nominal full scale and averaged over a few samples;
    /// calibrate AdcFullScaleMillivolts per board against a multimeter.
    /// </summary>
    public sealed class AdcBattery : IBattery
    {
        private const int Samples = 8;
        private readonly AdcChannel _channel;
        private readonly int _maxCount;
        private readonly int _fullScaleMillivolts;
        private readonly int _topOhms;
        private readonly int _bottomOhms;

        public AdcBattery(AdcController controller, int channel, int topOhms, int bottomOhms, int fullScaleMillivolts)
        {
            _channel = controller.OpenChannel(channel);
            _maxCount = controller.MaxValue;
            _topOhms = topOhms;
            _bottomOhms = bottomOhms;
            _fullScaleMillivolts = fullScaleMillivolts;
        }

        public int ReadMillivolts()
        {
            long sum = 0;
            for (int i = 0; i < Samples; i++)
            {
                sum += _channel.ReadValue();
            }

            long atPin = sum * _fullScaleMillivolts / ((long)_maxCount * Samples);
            return (int)(atPin * (_topOhms + (long)_bottomOhms) / _bottomOhms);
        }
    }
}
