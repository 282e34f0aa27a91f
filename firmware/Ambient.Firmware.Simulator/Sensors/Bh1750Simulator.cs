namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>
/// ROHM BH1750FVI at register level (datasheet rev. D): one-byte opcodes (0x01 power on, 0x07 reset, 0x10/0x11/0x13
/// continuous H/H2/L-resolution, 0x20/0x21/0x23 one-time, 0x40|MT[7:5] and 0x60|MT[4:0] set the measurement time
/// register MTreg, default 69). A read returns the 16-bit count big-endian: lux = count / 1.2 · 69/MTreg
/// (halved in H-resolution mode 2).
/// </summary>
public sealed class Bh1750Simulator(Func<double> lux) : SimulatedI2cDevice(0x23)
{
    private int _mtreg = 69;
    private int _mode = 0x10;

    protected override void Command(ReadOnlySpan<byte> bytes)
    {
        foreach (var op in bytes)
        {
            if ((op & 0xF8) == 0x40)
            {
                _mtreg = ((op & 0x07) << 5) | (_mtreg & 0x1F);
            }
            else if ((op & 0xE0) == 0x60)
            {
                _mtreg = (_mtreg & 0xE0) | (op & 0x1F);
            }
            else if (op is 0x10 or 0x11 or 0x13 or 0x20 or 0x21 or 0x23)
            {
                _mode = op;
            }
        }
    }

    protected override void Respond(Span<byte> buffer)
    {
        var resolution = _mode is 0x11 or 0x21 ? 2.0 : 1.0;
        var count = (ushort)Math.Clamp(Math.Round(lux() * 1.2 * _mtreg / 69 * resolution), 0, 65535);
        if (buffer.Length >= 2)
        {
            buffer[0] = (byte)(count >> 8);
            buffer[1] = (byte)count;
        }
    }
}
