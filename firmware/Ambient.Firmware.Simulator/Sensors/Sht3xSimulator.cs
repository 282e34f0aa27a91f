namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>
/// Sensirion SHT3x-DIS at register level (datasheet v6, §4): 16-bit commands; a single-shot measurement
/// (0x24xx without, 0x2Cxx with clock stretching) latches 6 bytes: T MSB, T LSB, CRC, RH MSB, RH LSB, CRC, where
/// T = -45 + 175·S_T/65535 °C, RH = 100·S_RH/65535 % and CRC-8 is poly 0x31, init 0xFF (§4.12).
/// </summary>
public sealed class Sht3xSimulator(Func<(double Celsius, double Percent)> environment) : SimulatedI2cDevice(0x44)
{
    private readonly byte[] _latched = new byte[6];

    /// <summary>Corrupts the next result's temperature CRC, as electrical noise on the bus would.</summary>
    public bool CorruptNextCrc { get; set; }

    public static byte Crc8(byte msb, byte lsb)
    {
        byte crc = 0xFF;
        foreach (var b in new[] { msb, lsb })
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x31) : (byte)(crc << 1);
            }
        }

        return crc;
    }

    protected override void Command(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 2 && (bytes[0] == 0x24 || bytes[0] == 0x2C))
        {
            var (celsius, percent) = environment();
            var t = (ushort)Math.Clamp(Math.Round((celsius + 45) * 65535 / 175), 0, 65535);
            var rh = (ushort)Math.Clamp(Math.Round(percent * 65535 / 100), 0, 65535);
            Put(0, t);
            Put(3, rh);
            if (CorruptNextCrc)
            {
                _latched[2] ^= 0x5A;
                CorruptNextCrc = false;
            }
        }
    }

    protected override void Respond(Span<byte> buffer) => _latched.AsSpan(0, Math.Min(buffer.Length, 6)).CopyTo(buffer);

    private void Put(int at, ushort value)
    {
        _latched[at] = (byte)(value >> 8);
        _latched[at + 1] = (byte)value;
        _latched[at + 2] = Crc8(_latched[at], _latched[at + 1]);
    }
}
