namespace Ambient.Protocol.V1
{
    /// <summary>Maps signed to unsigned so small negative numbers stay short as varints (as protobuf's sint32).</summary>
    internal static class ZigZag
    {
        public static uint Encode(int value)
        {
            return (uint)((value << 1) ^ (value >> 31));
        }

        public static int Decode(uint value)
        {
            return (int)(value >> 1) ^ -(int)(value & 1);
        }
    }
}
