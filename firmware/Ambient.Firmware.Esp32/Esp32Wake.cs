using Ambient.Firmware.Hal;
using nanoFramework.Hardware.Esp32;

namespace Ambient.Firmware.Esp32
{
    /// <summary>Translates between the ESP32's wake-up vocabulary and the HAL's.</summary>
    public static class Esp32Wake
    {
        /// <summary>ext0Means: what the device's ext0 pin is wired to (PIR on the magnet, button on the earbud).</summary>
        public static WakeCause ToWakeCause(Sleep.WakeupCause cause, WakeCause ext0Means)
        {
            switch (cause)
            {
                case Sleep.WakeupCause.Timer:
                    return WakeCause.Timer;
                case Sleep.WakeupCause.TouchPad:
                    return WakeCause.Touch;
                case Sleep.WakeupCause.Ext0:
                    return ext0Means;
                default:
                    // Undefined = power-on or reset (brownout included: nanoFramework has no reset-reason API).
                    return WakeCause.PowerOn;
            }
        }

        /// <summary>The ext0 wake mask for a GPIO number: WakeupGpioPin has one bit per pin.</summary>
        public static Sleep.WakeupGpioPin PinMask(int gpio)
        {
            return (Sleep.WakeupGpioPin)(1UL << gpio);
        }
    }
}
