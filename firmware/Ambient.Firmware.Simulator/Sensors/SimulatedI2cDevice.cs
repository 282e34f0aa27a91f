using System.Device.I2c;

namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>
/// An I2C peripheral at register level, handed to the real Iot.Device.Bindings driver in place of a bus device,
/// so the host runs the same commands, conversions and CRC checks as the device.
/// </summary>
public abstract class SimulatedI2cDevice(int address) : I2cDevice
{
    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, address);

    /// <summary>Every write the driver made, oldest first (for tests that check the command sequence).</summary>
    public List<byte[]> Writes { get; } = [];

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer) => Respond(buffer);

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Writes.Add(buffer.ToArray());
        Command(buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    protected abstract void Command(ReadOnlySpan<byte> bytes);

    protected abstract void Respond(Span<byte> buffer);
}
