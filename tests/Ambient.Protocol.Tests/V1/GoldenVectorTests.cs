using Ambient.Protocol.V1;

namespace Ambient.Protocol.Tests.V1;

/// <summary>
/// The committed vectors pin version 1 byte for byte. If one of these fails, the wire format changed: that
/// needs a new protocol version, not a new vector.
/// </summary>
public sealed class GoldenVectorTests
{
    private static readonly IReadOnlyDictionary<string, byte[]> Vectors = GoldenFile.Load();

    public static TheoryData<string> Names() => [.. Samples.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_encodes_to_its_golden_vector(string name)
    {
        var sample = Samples.All.Single(s => s.Name == name).Message;

        var frame = FrameEncoder.Encode(sample);

        Assert.Equal(Convert.ToHexString(Vectors[name]), Convert.ToHexString(frame));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Golden_vector_decodes_to_its_sample(string name)
    {
        var sample = Samples.All.Single(s => s.Name == name).Message;

        var result = FrameDecoder.Decode(Vectors[name]);

        Assert.True(result.IsOk, result.Describe());
        Assert.Equal(MessageJson.Of(sample), MessageJson.Of(result.Message));
    }

    [Fact]
    public void Every_message_type_has_a_golden_vector()
    {
        var covered = Vectors.Values.Select(v => (MessageType)v[FrameLayout.TypeOffset]).ToHashSet();

        Assert.Equal(Enum.GetValues<MessageType>().OrderBy(t => t), covered.OrderBy(t => t));
        Assert.Equal(Samples.All.Select(s => s.Name).Order(), Vectors.Keys.Order());
    }

    [Fact]
    public void Telemetry_frame_is_laid_out_as_documented()
    {
        byte[] withoutCrc =
        [
            0x01,                   // version
            0x02,                   // type: telemetry
            0x00,                   // flags
            0x07, 0x00,             // boot id 7
            0x02, 0x00, 0x00, 0x00, // sequence 2
            0x80, 0x7E, 0x0E, 0x6B, // timestamp 1796112000 (2026-12-01T08:00:00Z)
            0x01,                   // one sample
            0x00,                   // offset 0 s
            0x04,                   // four readings
            0x01, 0x9C, 0x03,       // soil moisture: 412 - 0 = 412
            0x03, 0xA6, 0x0E,       // illuminance: 1830 lx
            0x04, 0x86, 0x30,       // temperature: 2150 + 4000 = 6150 (21.50 °C)
            0x05, 0xD9, 0x03,       // humidity: 473 (47.3 %)
        ];
        var crc = Crc16.Compute(withoutCrc, 0, withoutCrc.Length);
        byte[] expected = [.. withoutCrc, (byte)crc, (byte)(crc >> 8)];

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(Vectors["telemetry-planter"]));
    }

    [Fact]
    public void Crc_is_ccitt_false()
    {
        var check = "123456789"u8.ToArray();

        Assert.Equal(0x29B1, Crc16.Compute(check, 0, check.Length));
    }
}
