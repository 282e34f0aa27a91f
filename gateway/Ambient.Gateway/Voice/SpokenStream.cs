namespace Ambient.Gateway.Voice;

/// <summary>
/// One text spoken to one or more earbuds: the stream id, how much audio and how many bytes, how long synthesis
/// took, and when the first chunk was handed to the broker (for the latency the benchmark reports).
/// </summary>
public sealed record SpokenStream(
    ushort StreamId,
    string Text,
    IReadOnlyList<string> Devices,
    int Chunks,
    int Samples,
    long FrameBytes,
    double SynthesisMilliseconds,
    TimeSpan SpeechDuration,
    DateTimeOffset FirstChunkAt);
