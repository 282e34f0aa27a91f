using System;

namespace Ambient.Firmware.Hal
{
    /// <summary>What may end the coming sleep besides its timer.</summary>
    [Flags]
    public enum WakeSources : byte
    {
        TimerOnly = 0,
        Presence = 0x01,
        Touch = 0x02,
        Button = 0x04,

        /// <summary>
        /// A downlink arriving over the still-associated Wi-Fi (the earbud idles in auto light-sleep with Wi-Fi
        /// modem sleep instead of a forced light sleep, which would drop the association; hardware/earbud/power.md).
        /// </summary>
        Data = 0x08,
    }
}
