using System.Buffers.Binary;
using Ambient.Gateway.Voice;

namespace Ambient.Gateway.Tests.Voice;

public sealed class WaveFileTests
{
    [Fact]
    public void A_streamed_wave_with_placeholder_sizes_is_read_to_the_end_of_the_bytes()
    {
        // espeak-ng --stdout writes 0x7FFFF024 / 0x7FFFF000 as sizes because it cannot seek back.
        var wave = Wave(22050, [1, -2, 3, -4], riffSize: 0x7FFFF024, dataSize: 0x7FFFF000);

        Assert.True(WaveFile.TryRead(wave, out var audio, out var problem), problem);

        Assert.Equal(22050, audio!.SampleRate);
        Assert.Equal(new short[] { 1, -2, 3, -4 }, audio.Samples);
    }

    [Fact]
    public void A_stated_data_size_smaller_than_the_bytes_is_respected()
    {
        var wave = Wave(16000, [7, 8, 9], riffSize: 0, dataSize: 4);

        Assert.True(WaveFile.TryRead(wave, out var audio, out _));

        Assert.Equal(new short[] { 7, 8 }, audio!.Samples);
    }

    [Theory]
    [InlineData("not a wave", "not a RIFF/WAVE file")]
    [InlineData("RIFF\0\0\0\0WAVE", "no fmt chunk")]
    public void Unreadable_bytes_say_why(string text, string reason)
    {
        Assert.False(WaveFile.TryRead(System.Text.Encoding.ASCII.GetBytes(text), out _, out var problem));

        Assert.Equal(reason, problem);
    }

    [Fact]
    public void Stereo_or_8_bit_audio_is_refused_with_its_format()
    {
        var wave = Wave(22050, [1, 2], 0, 4);
        BinaryPrimitives.WriteUInt16LittleEndian(wave.AsSpan(22), 2); // channels

        Assert.False(WaveFile.TryRead(wave, out _, out var problem));

        Assert.Contains("2 channels", problem, StringComparison.Ordinal);
    }

    private static byte[] Wave(int rate, short[] samples, uint riffSize, uint dataSize)
    {
        var bytes = new byte[44 + (samples.Length * 2)];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), riffSize);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), (uint)rate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), dataSize);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (2 * i)), samples[i]);
        }

        return bytes;
    }
}
