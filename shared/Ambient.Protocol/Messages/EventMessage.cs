namespace Ambient.Protocol
{
    /// <summary>Something happened on the device at the frame's timestamp.</summary>
    public sealed class EventMessage : Message
    {
        public EventMessage()
            : base(MessageType.Event)
        {
        }

        public EventKind Kind { get; set; }

        /// <summary>Kind-specific detail (see <see cref="EventKind"/>).</summary>
        public byte Code { get; set; }

        /// <summary>What the event refers to: a reminder id, an audio stream id; 0 when nothing.</summary>
        public uint Reference { get; set; }
    }
}
