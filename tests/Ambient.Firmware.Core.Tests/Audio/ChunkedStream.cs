using Ambient.Protocol;
using Ambient.Protocol.Audio;

namespace Ambient.Firmware.Core.Tests.Audio;

/// <summary>A signal cut into IMA ADPCM downlink chunks the way the gateway sends it, and its decoded reference.</summary>
internal sealed class ChunkedStream
{
    public ChunkedStream(ushort streamId, double[] signal, int chunkSamples)
    {
        var pcm = Synth.ToPcm(signal);
        var count = signal.Length / chunkSamples;
        var encoder = new ImaAdpcmEncoder();
        var decoder = new ImaAdpcmDecoder();
        Reference = new short[count * chunkSamples];
        var decoded = new byte[chunkSamples * 2];
        Chunks = new AudioChunkMessage[count];
        for (var k = 0; k < count; k++)
        {
            var chunk = new AudioChunkMessage
            {
                StreamId = streamId,
                Index = (ushort)k,
                Count = (ushort)count,
                AudioFlags = k == count - 1 ? AudioFlags.Final : AudioFlags.None,
                Format = AudioFormat.ImaAdpcm,
                SampleRate = Synth.SampleRate,
                TotalSamples = (uint)(count * chunkSamples),
                Predictor = encoder.Predictor,
                StepIndex = encoder.StepIndex,
                Data = new byte[chunkSamples / 2],
            };
            encoder.Encode(pcm, k * chunkSamples * 2, chunkSamples, chunk.Data, 0);
            decoder.Decode(chunk.Data, 0, chunkSamples, decoded, 0);
            Synth.ToSamples(decoded, 0, chunkSamples).CopyTo(Reference, k * chunkSamples);
            Chunks[k] = chunk;
        }

        ChunkSamples = chunkSamples;
    }

    public AudioChunkMessage[] Chunks { get; }

    /// <summary>The whole stream decoded without loss: what the speaker should get.</summary>
    public short[] Reference { get; }

    public int ChunkSamples { get; }

    public static int MaxStep(short[] x, int from = 1, int to = int.MaxValue)
    {
        var max = 0;
        for (var n = Math.Max(1, from); n < Math.Min(x.Length, to); n++)
        {
            max = Math.Max(max, Math.Abs(x[n] - x[n - 1]));
        }

        return max;
    }
}
