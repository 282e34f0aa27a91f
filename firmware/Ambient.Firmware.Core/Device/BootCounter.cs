using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Device
{
    /// <summary>
    /// The boot id: bumped at power-on only. A deep-sleep wake reboots the ESP32 too, but RTC time and flash survive
    /// it, so it continues the same boot and the same sequence numbering.
    /// </summary>
    public static class BootCounter
    {
        private const string Key = "boot.id";

        public static ushort Current(ISettingsStore settings, WakeCause cause)
        {
            int id = settings.ReadInt(Key, 0);
            if (cause == WakeCause.PowerOn)
            {
                id = (id + 1) & 0xFFFF;
                settings.WriteInt(Key, id);
            }

            return (ushort)id;
        }
    }
}
