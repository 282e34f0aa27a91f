using System.Device.Gpio;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>IPresenceSensor over the PIR's output pin (AM312: high while it sees motion).</summary>
    public sealed class PirPresenceSensor : IPresenceSensor
    {
        private readonly GpioPin _pin;

        public PirPresenceSensor(GpioController controller, int pin)
        {
            _pin = controller.OpenPin(pin, PinMode.Input);
        }

        public bool IsPresent => _pin.Read() == PinValue.High;
    }
}
