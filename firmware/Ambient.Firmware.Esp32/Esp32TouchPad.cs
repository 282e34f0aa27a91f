using Ambient.Firmware.Hal;
using nanoFramework.Hardware.Esp32.Touch;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// ITouchPad over an ESP32 touch pad. On the ESP32 a finger lowers the reading; "touched" is below two thirds of
    /// the untouched baseline. The baseline is measured once at power-on and kept in settings, because a touch wake
    /// starts with the finger still on the pad and would calibrate against it.
    /// </summary>
    public sealed class Esp32TouchPad : ITouchPad
    {
        private const string BaselineKey = "touch-baseline";
        private readonly TouchPad _pad;
        private readonly uint _threshold;

        public Esp32TouchPad(int touchPadNumber, ISettingsStore settings, bool calibrate)
        {
            _pad = new TouchPad(touchPadNumber);
            int baseline = settings.ReadInt(BaselineKey, 0);
            if (calibrate || baseline <= 0)
            {
                baseline = _pad.GetCalibrationData(5);
                settings.WriteInt(BaselineKey, baseline);
            }

            _threshold = (uint)(baseline * 2 / 3);
        }

        public bool IsTouched => _pad.Read() < _threshold;
    }
}
