using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Protocol;

namespace Ambient.Firmware.Magnet
{
    /// <summary>Whether local time (UTC + the household's offset from config) is inside the morning window.</summary>
    public static class MorningWindow
    {
        public const int DefaultStartMinute = 390;
        public const int DefaultEndMinute = 600;

        public static bool Contains(IClock clock, ISettingsStore settings)
        {
            if (!clock.IsTimeSet)
            {
                return false;
            }

            int offset = settings.ReadInt(SettingKeys.For(ConfigKey.UtcOffsetMinutes), 0);
            int minute = (int)(((clock.UtcNow.Ticks / System.TimeSpan.TicksPerMinute) + offset) % 1440);
            if (minute < 0)
            {
                minute += 1440;
            }

            int start = settings.ReadInt(SettingKeys.For(ConfigKey.MorningWindowStartMinute), DefaultStartMinute);
            int end = settings.ReadInt(SettingKeys.For(ConfigKey.MorningWindowEndMinute), DefaultEndMinute);
            return minute >= start && minute < end;
        }
    }
}
