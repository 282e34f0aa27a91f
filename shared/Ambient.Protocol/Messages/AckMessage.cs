namespace Ambient.Protocol
{
    /// <summary>The device's answer to a downlink: which one (type + sequence) and what it did with it.</summary>
    public sealed class AckMessage : Message
    {
        public AckMessage()
            : base(MessageType.Ack)
        {
        }

        public MessageType AckedType { get; set; }

        public uint AckedSequence { get; set; }

        public AckStatus Status { get; set; }
    }
}
