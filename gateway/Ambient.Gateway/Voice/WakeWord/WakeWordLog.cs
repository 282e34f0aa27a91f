namespace Ambient.Gateway.Voice.WakeWord;

/// <summary>Wake-word log messages; event ids 3850–3859 (next to Voice's 3800–3849).</summary>
internal static partial class WakeWordLog
{
    [LoggerMessage(3850, LogLevel.Information, "Wake-word detector loaded from {ModelPath} ({WindowMs} ms window, threshold {Threshold}, smoothing {SmoothingHops} hops, trigger {TriggerHops} hops)")]
    public static partial void Loaded(ILogger logger, string modelPath, int windowMs, float threshold, int smoothingHops, int triggerHops);

    [LoggerMessage(3851, LogLevel.Warning, "No wake-word detector: {Reason}; only the earbud's talk button wakes the assistant")]
    public static partial void NotRegistered(ILogger logger, string reason);
}
