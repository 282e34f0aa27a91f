using System;

namespace Ambient.Protocol
{
    /// <summary>Header flag bits. Bits not defined here must be zero; the decoder rejects them.</summary>
    [Flags]
    public enum FrameFlags : byte
    {
        None = 0,

        /// <summary>
        /// The device clock was not set when the frame was stamped: timestamps count seconds since the boot epoch
        /// (power-on), not Unix time. The gateway maps them to UTC with the uptime the device reports in Hello.
        /// </summary>
        TimeUnsynced = 0x01,

        /// <summary>Sent from the device's ring buffer after an outage or reboot, not live.</summary>
        Replay = 0x02,

        /// <summary>The device's battery is below its low threshold.</summary>
        LowBattery = 0x04,
    }
}
