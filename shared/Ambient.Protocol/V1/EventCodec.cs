namespace Ambient.Protocol.V1
{
    /// <summary>kind u8 · code u8 · reference varint.</summary>
    internal static class EventCodec
    {
        public static void Write(EventMessage m, ref WireWriter w)
        {
            WireWriter.Require(IsKind(m.Kind), "event.kind");
            w.WriteByte((byte)m.Kind);
            w.WriteByte(m.Code);
            w.WriteVarUInt(m.Reference);
        }

        public static Message Read(ref WireReader r)
        {
            EventMessage m = new EventMessage();
            m.Kind = (EventKind)r.ReadByte("event.kind");
            r.Check(IsKind(m.Kind), "event.kind");
            m.Code = r.ReadByte("event.code");
            m.Reference = r.ReadVarUInt("event.reference");
            return m;
        }

        private static bool IsKind(EventKind kind)
        {
            return kind >= EventKind.Wake && kind <= EventKind.AudioMissing;
        }
    }
}
