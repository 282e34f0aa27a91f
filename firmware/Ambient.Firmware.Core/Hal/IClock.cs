using System;

namespace Ambient.Firmware.Hal
{
    /// <summary>
    /// Time on the device. Uptime runs from power-on and keeps running through deep sleep (the ESP32 RTC timer),
    /// so it orders readings even before the wall clock is set. On the simulator every wait advances a virtual clock.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since power-on (the boot epoch), monotonic across deep sleep.</summary>
        long UptimeMilliseconds { get; }

        /// <summary>True once SNTP or a Time downlink has set the wall clock since power-on.</summary>
        bool IsTimeSet { get; }

        /// <summary>Wall-clock UTC; meaningful only when <see cref="IsTimeSet"/>.</summary>
        DateTime UtcNow { get; }

        void SetUtc(DateTime utc);

        /// <summary>Waits inside a wake (sensor warm-up, retry back-off).</summary>
        void Sleep(int milliseconds);
    }
}
