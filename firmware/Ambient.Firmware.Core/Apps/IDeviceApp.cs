using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Apps
{
    /// <summary>
    /// One device's behaviour, run once per wake. On the ESP32 every deep-sleep wake is a reboot, so an app is
    /// constructed fresh each time and keeps nothing in RAM between wakes: what must survive lives in flash
    /// (ring buffer, settings). The simulator constructs it the same way, which is what proves that.
    /// </summary>
    public interface IDeviceApp
    {
        /// <summary>Does this wake's work and says how long to sleep and what may wake the device earlier.</summary>
        SleepRequest Wake(WakeCause cause);
    }
}
