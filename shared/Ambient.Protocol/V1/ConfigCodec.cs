namespace Ambient.Protocol.V1
{
    /// <summary>entry count u8 · per entry: key u8, value as zigzag varint. Keys are unique within a frame.</summary>
    internal static class ConfigCodec
    {
        public static void Write(ConfigMessage m, ref WireWriter w)
        {
            ConfigEntry[] entries = m.Entries;
            WireWriter.Require(entries != null && entries.Length >= 1 && entries.Length <= FrameLayout.MaxConfigEntries, "config.entries");
            w.WriteByte((byte)entries.Length);
            uint seen = 0;
            for (int i = 0; i < entries.Length; i++)
            {
                WireWriter.Require(IsKey(entries[i].Key) && (seen & KeyBit(entries[i].Key)) == 0, "config.key");
                seen |= KeyBit(entries[i].Key);
                w.WriteByte((byte)entries[i].Key);
                w.WriteVarUInt(ZigZag.Encode(entries[i].Value));
            }
        }

        public static Message Read(ref WireReader r)
        {
            int count = r.ReadByte("config.entries");
            if (!r.Check(count >= 1 && count <= FrameLayout.MaxConfigEntries, "config.entries"))
            {
                return null;
            }

            ConfigMessage m = new ConfigMessage();
            m.Entries = new ConfigEntry[count];
            uint seen = 0;
            for (int i = 0; i < count && !r.Failed; i++)
            {
                ConfigKey key = (ConfigKey)r.ReadByte("config.key");
                r.Check(IsKey(key) && (seen & KeyBit(key)) == 0, "config.key");
                seen |= KeyBit(key);
                m.Entries[i] = new ConfigEntry(key, ZigZag.Decode(r.ReadVarUInt("config.value")));
            }

            return m;
        }

        private static bool IsKey(ConfigKey key)
        {
            return key >= ConfigKey.SampleIntervalSeconds && key <= ConfigKey.QuietEndMinute;
        }

        private static uint KeyBit(ConfigKey key)
        {
            return 1u << ((int)key & 31);
        }
    }
}
