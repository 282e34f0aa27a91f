using System;

namespace Ambient.Protocol
{
    [Flags]
    public enum AudioFlags : byte
    {
        None = 0,

        /// <summary>The last chunk of the stream (needed for live uplink, where the count is not known ahead).</summary>
        Final = 0x01,
    }
}
