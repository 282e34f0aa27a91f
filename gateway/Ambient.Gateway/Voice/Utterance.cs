namespace Ambient.Gateway.Voice;

/// <summary>
/// One uplink stream put back together: 16 kHz PCM in chunk order, missing chunks as silence.
/// <see cref="TimedOut"/> when it ended by the uplink timeout instead of its final chunk.
/// </summary>
public sealed record Utterance(string DeviceId, ushort StreamId, short[] Samples, int Chunks, int MissingChunks, bool TimedOut)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / 16000.0);
}
