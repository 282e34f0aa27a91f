using System.Device.I2c;

namespace Ambient.Gateway.Tests.Sensors;

/// <summary>An I2C device that passes every transfer to another one until it is told to fail, as a loose wire or a removed sensor would.</summary>
internal sealed class FlakyI2cDevice(I2cDevice inner) : I2cDevice
{
    public bool Broken { get; set; }

    public override I2cConnectionSettings ConnectionSettings => inner.ConnectionSettings;

    public override byte ReadByte() => Broken ? throw Failure() : inner.ReadByte();

    public override void Read(Span<byte> buffer)
    {
        ThrowIfBroken();
        inner.Read(buffer);
    }

    public override void WriteByte(byte value)
    {
        ThrowIfBroken();
        inner.WriteByte(value);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfBroken();
        inner.Write(buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        ThrowIfBroken();
        inner.WriteRead(writeBuffer, readBuffer);
    }

    // The text Linux's i2c-dev gives when nothing acknowledges the address (EREMOTEIO).
    private static IOException Failure() => new("Error 121 performing I2C data transfer: Remote I/O error");

    private void ThrowIfBroken()
    {
        if (Broken)
        {
            throw Failure();
        }
    }
}
