namespace Ambient.Protocol
{
    /// <summary>Sent on every connect: who the device is, what it runs, and its uptime for clock fix-up.</summary>
    public sealed class HelloMessage : Message
    {
        public HelloMessage()
            : base(MessageType.Hello)
        {
        }

        public DeviceKind Kind { get; set; }

        public byte FirmwareMajor { get; set; }

        public byte FirmwareMinor { get; set; }

        public ushort FirmwarePatch { get; set; }

        public Capabilities Capabilities { get; set; }

        /// <summary>Seconds since the boot epoch at the moment the frame was built.</summary>
        public uint UptimeSeconds { get; set; }

        public ResetReason ResetReason { get; set; }
    }
}
