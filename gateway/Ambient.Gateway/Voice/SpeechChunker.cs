using Ambient.Protocol;
using Ambient.Protocol.Audio;

namespace Ambient.Gateway.Voice;

/// <summary>
/// Cuts 16 kHz PCM into numbered IMA ADPCM chunks of one stream. Every chunk carries the stream header (stream id,
/// format, sample rate, chunk count, total samples) and the coder state at its first sample, so the earbud can
/// start on any chunk and a lost one costs only its own samples (shared/Ambient.Protocol/README.md, Audio). The
/// encoder runs once over the whole stream, so chunk boundaries add no error: decoding all chunks gives exactly
/// what decoding the stream in one piece would. The last chunk also carries the Final flag.
/// </summary>
public static class SpeechChunker
{
    public const int SampleRate = 16000;

    public static AudioChunkMessage[] Chunk(ReadOnlySpan<short> pcm, ushort streamId, int chunkSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSamples, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ImaAdpcm.EncodedByteCount(chunkSamples), Protocol.V1.FrameLayout.MaxAudioBytes, nameof(chunkSamples));
        if (pcm.IsEmpty)
        {
            throw new ArgumentException("no samples to send", nameof(pcm));
        }

        var count = (pcm.Length + chunkSamples - 1) / chunkSamples;
        if (count > ushort.MaxValue)
        {
            throw new ArgumentException($"{pcm.Length} samples need {count} chunks; a stream has at most {ushort.MaxValue}", nameof(pcm));
        }

        var encoder = new ImaAdpcmEncoder();
        encoder.Reset(0, 0);
        var bytes = new byte[chunkSamples * 2];
        var chunks = new AudioChunkMessage[count];
        for (var i = 0; i < count; i++)
        {
            var first = i * chunkSamples;
            var samples = Math.Min(chunkSamples, pcm.Length - first);
            for (var k = 0; k < samples; k++)
            {
                var s = pcm[first + k];
                bytes[2 * k] = (byte)s;
                bytes[(2 * k) + 1] = (byte)(s >> 8);
            }

            var chunk = new AudioChunkMessage
            {
                StreamId = streamId,
                Index = (ushort)i,
                Count = (ushort)count,
                AudioFlags = i == count - 1 ? AudioFlags.Final : AudioFlags.None,
                Format = AudioFormat.ImaAdpcm,
                SampleRate = SampleRate,
                TotalSamples = (uint)pcm.Length,
                Predictor = encoder.Predictor,
                StepIndex = encoder.StepIndex,
                Data = new byte[ImaAdpcm.EncodedByteCount(samples)],
            };
            encoder.Encode(bytes, 0, samples, chunk.Data, 0);
            chunks[i] = chunk;
        }

        return chunks;
    }

    /// <summary>Decodes a chunk on its own (from its header state) into <paramref name="destination"/>; returns the samples written.</summary>
    public static int Decode(AudioChunkMessage chunk, Span<short> destination, int maxSamples)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Format == AudioFormat.Pcm16)
        {
            var n = Math.Min(chunk.Data.Length / 2, maxSamples);
            for (var i = 0; i < n; i++)
            {
                destination[i] = (short)(chunk.Data[2 * i] | (chunk.Data[(2 * i) + 1] << 8));
            }

            return n;
        }

        var samples = Math.Min(ImaAdpcm.SampleCount(chunk.Data.Length), maxSamples);
        var decoder = new ImaAdpcmDecoder();
        decoder.Reset(chunk.Predictor, chunk.StepIndex);
        var pcm = new byte[samples * 2];
        decoder.Decode(chunk.Data, 0, samples, pcm, 0);
        for (var i = 0; i < samples; i++)
        {
            destination[i] = (short)(pcm[2 * i] | (pcm[(2 * i) + 1] << 8));
        }

        return samples;
    }
}
