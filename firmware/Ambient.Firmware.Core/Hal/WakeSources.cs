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
    }
}
