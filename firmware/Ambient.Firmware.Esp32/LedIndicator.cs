using System.Device.Gpio;
using Ambient.Firmware.Hal;
using Ambient.Protocol;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IIndicator over the planter's single LED: lit while the plant needs attention, dark when it is fine or unknown.
    /// GPIOs are released in deep sleep, so the LED only shows during a wake (a blink per sample on battery).
    /// </summary>
    public sealed class LedIndicator : IIndicator
    {
        private readonly GpioPin _pin;

        public LedIndicator(GpioController controller, int pin)
        {
            _pin = controller.OpenPin(pin, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        public void Show(PlantCondition condition)
        {
            bool attention = condition != PlantCondition.Ok && condition != PlantCondition.Unknown;
            _pin.Write(attention ? PinValue.High : PinValue.Low);
        }
    }
}
