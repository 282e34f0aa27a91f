namespace Ambient.Protocol
{
    /// <summary>Text for an e-paper screen, in sections the device lays out by hint.</summary>
    public sealed class DisplayMessage : Message
    {
        public DisplayMessage()
            : base(MessageType.Display)
        {
        }

        /// <summary>Ask for a full refresh (clears ghosting) instead of a partial one.</summary>
        public bool FullRefresh { get; set; }

        public DisplaySection[] Sections { get; set; }
    }
}
