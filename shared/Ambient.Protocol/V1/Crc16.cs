namespace Ambient.Protocol.V1
{
    /// <summary>
    /// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection; check value 0x29B1 for "123456789").
    /// Table-driven: 512 bytes of RAM on the device, one lookup per byte.
    /// </summary>
    public static class Crc16
    {
        private static readonly ushort[] Table = BuildTable();

        public static ushort Compute(byte[] data, int offset, int count)
        {
            ushort crc = 0xFFFF;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ data[i]) & 0xFF]);
            }

            return crc;
        }

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int i = 0; i < 256; i++)
            {
                ushort value = (ushort)(i << 8);
                for (int bit = 0; bit < 8; bit++)
                {
                    value = (value & 0x8000) != 0 ? (ushort)((value << 1) ^ 0x1021) : (ushort)(value << 1);
                }

                table[i] = value;
            }

            return table;
        }
    }
}
