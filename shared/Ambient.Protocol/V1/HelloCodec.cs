namespace Ambient.Protocol.V1
{
    /// <summary>kind u8 · firmware major u8, minor u8, patch u16 · capabilities u16 · uptime varint · reset reason u8.</summary>
    internal static class HelloCodec
    {
        private const ushort DefinedCapabilities = 0x3FFF;

        public static void Write(HelloMessage m, ref WireWriter w)
        {
            WireWriter.Require(IsKind(m.Kind), "hello.kind");
            WireWriter.Require(((ushort)m.Capabilities & ~DefinedCapabilities) == 0, "hello.capabilities");
            WireWriter.Require(m.ResetReason <= ResetReason.Panic, "hello.reset_reason");
            w.WriteByte((byte)m.Kind);
            w.WriteByte(m.FirmwareMajor);
            w.WriteByte(m.FirmwareMinor);
            w.WriteUInt16(m.FirmwarePatch);
            w.WriteUInt16((ushort)m.Capabilities);
            w.WriteVarUInt(m.UptimeSeconds);
            w.WriteByte((byte)m.ResetReason);
        }

        public static Message Read(ref WireReader r)
        {
            HelloMessage m = new HelloMessage();
            m.Kind = (DeviceKind)r.ReadByte("hello.kind");
            r.Check(IsKind(m.Kind), "hello.kind");
            m.FirmwareMajor = r.ReadByte("hello.firmware");
            m.FirmwareMinor = r.ReadByte("hello.firmware");
            m.FirmwarePatch = r.ReadUInt16("hello.firmware");
            ushort capabilities = r.ReadUInt16("hello.capabilities");
            r.Check((capabilities & ~DefinedCapabilities) == 0, "hello.capabilities");
            m.Capabilities = (Capabilities)capabilities;
            m.UptimeSeconds = r.ReadVarUInt("hello.uptime");
            m.ResetReason = (ResetReason)r.ReadByte("hello.reset_reason");
            r.Check(m.ResetReason <= ResetReason.Panic, "hello.reset_reason");
            return m;
        }

        private static bool IsKind(DeviceKind kind)
        {
            return kind >= DeviceKind.Planter && kind <= DeviceKind.Earbud;
        }
    }
}
