using System;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Time
{
    /// <summary>
    /// Frame timestamps: Unix seconds once the wall clock is set, otherwise seconds since power-on flagged as
    /// unsynced (the gateway maps those to UTC with the uptime the device reports in Hello).
    /// </summary>
    public static class DeviceTime
    {
        // 1970-01-01T00:00:00Z in ticks; nanoFramework's DateTime has no DateTimeKind constructor (it is always UTC).
        private const long EpochTicks = 621355968000000000;

        public static uint UptimeSeconds(IClock clock)
        {
            return (uint)(clock.UptimeMilliseconds / 1000);
        }

        public static uint Now(IClock clock, out bool unsynced)
        {
            unsynced = !clock.IsTimeSet;
            return unsynced ? UptimeSeconds(clock) : ToUnix(clock.UtcNow);
        }

        public static uint ToUnix(DateTime utc)
        {
            return (uint)((utc.Ticks - EpochTicks) / TimeSpan.TicksPerSecond);
        }

        /// <summary>
        /// Converts a boot-relative time of the current boot into Unix seconds now that the clock is set:
        /// the sample happened (uptime now − uptime then) seconds ago.
        /// </summary>
        public static uint FixUp(IClock clock, uint uptimeSecondsThen)
        {
            uint nowUptime = UptimeSeconds(clock);
            uint ago = nowUptime >= uptimeSecondsThen ? nowUptime - uptimeSecondsThen : 0;
            return ToUnix(clock.UtcNow) - ago;
        }
    }
}
