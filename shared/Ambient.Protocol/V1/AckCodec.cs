namespace Ambient.Protocol.V1
{
    /// <summary>acked type u8 (a downlink type) · acked sequence u32 · status u8.</summary>
    internal static class AckCodec
    {
        public static void Write(AckMessage m, ref WireWriter w)
        {
            WireWriter.Require(IsDownlink(m.AckedType), "ack.type");
            WireWriter.Require(m.Status <= AckStatus.Busy, "ack.status");
            w.WriteByte((byte)m.AckedType);
            w.WriteUInt32(m.AckedSequence);
            w.WriteByte((byte)m.Status);
        }

        public static Message Read(ref WireReader r)
        {
            AckMessage m = new AckMessage();
            m.AckedType = (MessageType)r.ReadByte("ack.type");
            r.Check(IsDownlink(m.AckedType), "ack.type");
            m.AckedSequence = r.ReadUInt32("ack.sequence");
            m.Status = (AckStatus)r.ReadByte("ack.status");
            r.Check(m.Status <= AckStatus.Busy, "ack.status");
            return m;
        }

        private static bool IsDownlink(MessageType type)
        {
            return type == MessageType.Audio || (type >= MessageType.Display && type <= MessageType.Time);
        }
    }
}
