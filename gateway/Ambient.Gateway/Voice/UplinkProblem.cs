namespace Ambient.Gateway.Voice;

/// <summary>What can be wrong with uplink audio, as counted in <see cref="VoiceCounters.UplinkProblems"/>.</summary>
public static class UplinkProblem
{
    /// <summary>A chunk that was already there (a QoS 1 redelivery).</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A chunk of a stream already finished (it came after the timeout, or after the final chunk's stream was complete).</summary>
    public const string Late = "late";

    /// <summary>A chunk whose format or sample rate differs from the stream's first chunk, or that is not 16 kHz.</summary>
    public const string FormatMismatch = "format_mismatch";

    /// <summary>A chunk past <see cref="VoiceOptions.MaxUplinkSeconds"/>, or past the final chunk.</summary>
    public const string TooLong = "too_long";

    /// <summary>A chunk that never came; its time is filled with silence.</summary>
    public const string Missing = "missing";

    /// <summary>A stream finished by <see cref="VoiceOptions.UplinkTimeout"/> rather than by its final chunk.</summary>
    public const string Timeout = "timeout";
}
