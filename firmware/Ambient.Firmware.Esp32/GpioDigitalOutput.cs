using System.Device.Gpio;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>IDigitalOutput over a GPIO; activeHigh from pins.json says which level means "on".</summary>
    public sealed class GpioDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeHigh;

        public GpioDigitalOutput(GpioController controller, int pin, bool activeHigh)
        {
            _pin = controller.OpenPin(pin, PinMode.Output);
            _activeHigh = activeHigh;
            Write(false);
        }

        public void Write(bool high)
        {
            _pin.Write(high == _activeHigh ? PinValue.High : PinValue.Low);
        }
    }
}
