namespace Ambient.Protocol
{
    /// <summary>Packs and unpacks the Reference of an <see cref="EventKind.AudioMissing"/> event: stream id, chunk index.</summary>
    public static class AudioMissingRef
    {
        public static uint Pack(ushort streamId, ushort index)
        {
            return ((uint)streamId << 16) | index;
        }

        public static ushort StreamId(uint reference)
        {
            return (ushort)(reference >> 16);
        }

        public static ushort Index(uint reference)
        {
            return (ushort)(reference & 0xFFFF);
        }
    }
}
