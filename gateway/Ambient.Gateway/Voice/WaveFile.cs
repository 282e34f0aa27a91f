using System.Buffers.Binary;

namespace Ambient.Gateway.Voice;

/// <summary>
/// Reads the RIFF/WAVE that espeak-ng writes to stdout: PCM, 16-bit, mono. espeak-ng streams, so its header
/// carries the placeholder sizes 0x7FFFF000-ish instead of real ones; the data chunk is taken to end at the end
/// of the bytes (or at its stated size when that is smaller), never trusted beyond them.
/// </summary>
public static class WaveFile
{
    public static bool TryRead(ReadOnlySpan<byte> wave, out SpeechAudio? audio, out string? problem)
    {
        audio = null;
        if (wave.Length < 12 || !wave[..4].SequenceEqual("RIFF"u8) || !wave.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            problem = "not a RIFF/WAVE file";
            return false;
        }

        int sampleRate = 0;
        var pos = 12;
        var format = false;
        while (pos + 8 <= wave.Length)
        {
            var id = wave.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wave.Slice(pos + 4, 4));
            var body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > wave.Length)
                {
                    problem = "truncated fmt chunk";
                    return false;
                }

                var tag = BinaryPrimitives.ReadUInt16LittleEndian(wave.Slice(body, 2));
                var channels = BinaryPrimitives.ReadUInt16LittleEndian(wave.Slice(body + 2, 2));
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(wave.Slice(body + 4, 4));
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(wave.Slice(body + 14, 2));
                if (tag != 1 || channels != 1 || bits != 16 || sampleRate is < 4000 or > 192000)
                {
                    problem = $"unsupported format: tag {tag}, {channels} channels, {bits} bits, {sampleRate} Hz (want PCM, mono, 16 bits)";
                    return false;
                }

                format = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!format)
                {
                    problem = "data chunk before fmt chunk";
                    return false;
                }

                var available = wave.Length - body;
                var length = size < (uint)available ? (int)size : available;
                length &= ~1;
                var samples = new short[length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wave.Slice(body + (2 * i), 2));
                }

                audio = new SpeechAudio(samples, sampleRate);
                problem = null;
                return true;
            }

            // Chunks are padded to an even size (RIFF); a streamed size that runs past the end ends the walk.
            var next = body + (long)size + (size & 1);
            if (next > wave.Length)
            {
                break;
            }

            pos = (int)next;
        }

        problem = format ? "no data chunk" : "no fmt chunk";
        return false;
    }
}
