namespace Ambient.Protocol
{
    /// <summary>Wall-clock time for devices that cannot reach an SNTP server, plus the household's UTC offset.</summary>
    public sealed class TimeMessage : Message
    {
        public TimeMessage()
            : base(MessageType.Time)
        {
        }

        public uint UnixSeconds { get; set; }

        /// <summary>Local time = UTC + this many minutes (-840..840).</summary>
        public short UtcOffsetMinutes { get; set; }
    }
}
