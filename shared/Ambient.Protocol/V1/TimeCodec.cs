namespace Ambient.Protocol.V1
{
    /// <summary>unix seconds u32 · UTC offset minutes i16 (-840..840).</summary>
    internal static class TimeCodec
    {
        public static void Write(TimeMessage m, ref WireWriter w)
        {
            WireWriter.Require(IsOffset(m.UtcOffsetMinutes), "time.utc_offset");
            w.WriteUInt32(m.UnixSeconds);
            w.WriteUInt16((ushort)m.UtcOffsetMinutes);
        }

        public static Message Read(ref WireReader r)
        {
            TimeMessage m = new TimeMessage();
            m.UnixSeconds = r.ReadUInt32("time.unix_seconds");
            m.UtcOffsetMinutes = r.ReadInt16("time.utc_offset");
            r.Check(IsOffset(m.UtcOffsetMinutes), "time.utc_offset");
            return m;
        }

        private static bool IsOffset(short minutes)
        {
            return minutes >= -FrameLayout.MaxUtcOffsetMinutes && minutes <= FrameLayout.MaxUtcOffsetMinutes;
        }
    }
}
