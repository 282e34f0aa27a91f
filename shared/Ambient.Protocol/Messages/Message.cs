namespace Ambient.Protocol
{
    /// <summary>
    /// The header every frame carries. (BootId, Sequence) identifies a frame from a device for good: BootId
    /// changes on power-on (not on a deep-sleep wake), Sequence counts up within a boot, so a replayed frame
    /// can be stored exactly once.
    /// </summary>
    public abstract class Message
    {
        protected Message(MessageType type)
        {
            Type = type;
        }

        public MessageType Type { get; }

        public FrameFlags Flags { get; set; }

        public ushort BootId { get; set; }

        public uint Sequence { get; set; }

        /// <summary>Unix seconds (UTC), or seconds since the boot epoch when <see cref="FrameFlags.TimeUnsynced"/> is set.</summary>
        public uint Timestamp { get; set; }
    }
}
