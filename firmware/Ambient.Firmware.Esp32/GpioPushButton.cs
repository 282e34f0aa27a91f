using System;
using System.Device.Gpio;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IButton over an active-low GPIO with debounce, classifying by how long it was held (ButtonPress): released within
    /// a second is a tap, within three seconds a long press; while it stays down past a second it reads as held (push to
    /// talk). A button already down at construction (it woke the earbud) counts as pressed since boot.
    /// </summary>
    public sealed class GpioPushButton : IButton
    {
        private const int TapMaxMilliseconds = 1000;
        private const int LongPressMaxMilliseconds = 3000;
        private readonly GpioPin _pin;
        private readonly object _gate = new object();
        private long _downSince = -1;
        private ButtonPress _pending = ButtonPress.None;

        public GpioPushButton(GpioController controller, int pin)
        {
            _pin = controller.OpenPin(pin, PinMode.Input);
            _pin.DebounceTimeout = TimeSpan.FromMilliseconds(30);
            if (_pin.Read() == PinValue.Low)
            {
                _downSince = 0;
            }

            _pin.ValueChanged += OnValueChanged;
        }

        /// <summary>True while the button is down (read from the pin, no debounce): ends a connected idle.</summary>
        public bool IsDown
        {
            get { return _pin.Read() == PinValue.Low; }
        }

        public ButtonPress TakePress()
        {
            lock (_gate)
            {
                // The edge that woke the chip from light sleep may not reach the handler: trust the level.
                if (_downSince < 0 && _pin.Read() == PinValue.Low)
                {
                    _downSince = Environment.TickCount64;
                }

                ButtonPress press = _pending;
                _pending = ButtonPress.None;
                if (press == ButtonPress.None && _downSince >= 0 && Environment.TickCount64 - _downSince > TapMaxMilliseconds)
                {
                    return ButtonPress.Held;
                }

                return press;
            }
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            long now = Environment.TickCount64;
            lock (_gate)
            {
                if (e.ChangeType == PinEventTypes.Falling)
                {
                    _downSince = now;
                }
                else if (e.ChangeType == PinEventTypes.Rising && _downSince >= 0)
                {
                    long held = now - _downSince;
                    _downSince = -1;
                    if (held <= TapMaxMilliseconds)
                    {
                        _pending = ButtonPress.Tap;
                    }
                    else if (held <= LongPressMaxMilliseconds)
                    {
                        _pending = ButtonPress.LongPress;
                    }
                }
            }
        }
    }
}
