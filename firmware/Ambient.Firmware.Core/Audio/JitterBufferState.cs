namespace Ambient.Firmware.Audio
{
    public enum JitterBufferState : byte
    {
        /// <summary>No stream yet.</summary>
        Idle = 0,

        /// <summary>Collecting chunks until about 300 ms of audio (or the whole stream) is in; Read gives nothing.</summary>
        Buffering = 1,

        /// <summary>Read hands out audio, bridging lost chunks with faded silence.</summary>
        Playing = 2,

        /// <summary>The last chunk has been played.</summary>
        Ended = 3,
    }
}
