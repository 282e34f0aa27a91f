namespace Ambient.Protocol
{
    public struct ConfigEntry
    {
        public ConfigEntry(ConfigKey key, int value)
        {
            Key = key;
            Value = value;
        }

        public ConfigKey Key { get; set; }

        public int Value { get; set; }
    }
}
