namespace Ambient.Protocol
{
    public sealed class ConfigMessage : Message
    {
        public ConfigMessage()
            : base(MessageType.Config)
        {
        }

        public ConfigEntry[] Entries { get; set; }
    }
}
