using Ambient.Protocol.V1;
using CsCheck;

namespace Ambient.Protocol.Tests.V1;

/// <summary>
/// The decoder faces whatever a broken or hostile device sends. Over 100,000 random and mutated inputs it must
/// either accept a frame (which then re-encodes to exactly the same bytes) or reject it with a reason — never throw.
/// </summary>
public sealed class FuzzTests
{
    private const int Inputs = 120_000;

    [Fact]
    public void Random_and_mutated_inputs_are_decoded_or_rejected_with_a_reason()
    {
        var random = new Random(20261130);
        var seeds = GoldenFile.Load().Values.Concat(MessageGen.Any.Array[200].Single().Select(FrameEncoder.Encode)).ToArray();
        var outcomes = new Dictionary<DecodeStatus, int>();

        for (var i = 0; i < Inputs; i++)
        {
            var input = (i % 4) switch
            {
                0 => RandomBytes(random),
                1 => Mutate(random, seeds[random.Next(seeds.Length)]),
                _ => FixCrc(Mutate(random, seeds[random.Next(seeds.Length)])),
            };

            var result = FrameDecoder.Decode(input);

            outcomes[result.Status] = outcomes.GetValueOrDefault(result.Status) + 1;
            if (result.IsOk)
            {
                Assert.Equal(Convert.ToHexString(input), Convert.ToHexString(FrameEncoder.Encode(result.Message)));
            }
            else
            {
                Assert.Null(result.Message);
                Assert.False(string.IsNullOrEmpty(result.Field), $"no field for {result.Status}");
                Assert.InRange(result.Offset, 0, input.Length);
                Assert.NotEqual("unknown status", DecodeResult.StatusName(result.Status));
            }
        }

        // The mutations must reach every kind of check, or the fuzzing proves little about the body parsers.
        foreach (var status in Enum.GetValues<DecodeStatus>().Where(s => s != DecodeStatus.InvalidArgument))
        {
            Assert.True(outcomes.GetValueOrDefault(status) > 0, $"no input ended as {status}");
        }
    }

    [Fact]
    public void Bad_arguments_are_rejected_not_thrown()
    {
        var frame = GoldenFile.Load()["time-sync"];

        Assert.Equal(DecodeStatus.InvalidArgument, FrameDecoder.Decode(null!).Status);
        Assert.Equal(DecodeStatus.InvalidArgument, FrameDecoder.Decode(frame, -1, 4).Status);
        Assert.Equal(DecodeStatus.InvalidArgument, FrameDecoder.Decode(frame, 2, frame.Length).Status);
        Assert.Equal(DecodeStatus.InvalidArgument, FrameDecoder.Decode(frame, 0, -3).Status);
        Assert.Equal(DecodeStatus.InvalidArgument, FrameDecoder.Decode(frame, int.MaxValue, 2).Status);
    }

    [Fact]
    public void Rejections_name_the_field_and_where_it_was()
    {
        var frame = (byte[])GoldenFile.Load()["telemetry-planter"].Clone();
        frame[16] = 0x7F; // first reading's kind
        var fixedUp = FixCrc(frame);

        var result = FrameDecoder.Decode(fixedUp);

        Assert.Equal(DecodeStatus.FieldOutOfRange, result.Status);
        Assert.Equal("telemetry.reading.kind", result.Field);
        Assert.Equal(16, result.Offset);
        Assert.Equal("field out of range: telemetry.reading.kind at byte 16", result.Describe());
    }

    private static byte[] RandomBytes(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(FrameLayout.MaxFrameLength + 200) : random.Next(40);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (length > 0 && random.Next(2) == 0)
        {
            bytes[0] = FrameLayout.Version;
        }

        return random.Next(2) == 0 ? FixCrc(bytes) : bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.Insert(at, (byte)random.Next(256)); break;
                case 4: bytes.RemoveAt(at); break;
                case 5: bytes[at] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x80; break;
                default: bytes.AddRange(Enumerable.Range(0, random.Next(1, 5000)).Select(_ => (byte)random.Next(256))); break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Rewrites the trailing CRC so the mutation gets past the checksum into the body parsers.</summary>
    private static byte[] FixCrc(byte[] bytes)
    {
        if (bytes.Length < FrameLayout.CrcLength)
        {
            return bytes;
        }

        var crc = Crc16.Compute(bytes, 0, bytes.Length - FrameLayout.CrcLength);
        bytes[^2] = (byte)crc;
        bytes[^1] = (byte)(crc >> 8);
        return bytes;
    }
}
