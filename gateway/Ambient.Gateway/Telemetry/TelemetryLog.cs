namespace Ambient.Gateway.Telemetry;

/// <summary>Telemetry's log events (ids 2000–2099). Never logs payload bytes or secrets.</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(2000, LogLevel.Warning, "Rejected frame from {DeviceId} on {Topic}: {Reason} ({Detail}); {Suppressed} more from it in the last minute were counted, not logged")]
    public static partial void FrameRejected(ILogger logger, string? deviceId, string topic, string reason, string? detail, int suppressed);

    [LoggerMessage(2001, LogLevel.Error, "Commit of {Batches} batches failed; none was acknowledged, devices will resend")]
    public static partial void CommitFailed(ILogger logger, Exception error, int batches);

    [LoggerMessage(2002, LogLevel.Trace, "Committed {Batches} batches in one transaction")]
    public static partial void Committed(ILogger logger, int batches);

    [LoggerMessage(2003, LogLevel.Information, "Retention: aggregated {Groups} device/kind/hours, deleted {Deleted} raw readings before {Cutoff:u}")]
    public static partial void RetentionRan(ILogger logger, int groups, int deleted, DateTimeOffset cutoff);

    [LoggerMessage(2004, LogLevel.Error, "Retention run failed; it will run again at the next interval")]
    public static partial void RetentionFailed(ILogger logger, Exception error);

    [LoggerMessage(2005, LogLevel.Information, "{DeviceId} says hello: {Kind} firmware {Firmware}, boot {Boot}, up {Uptime} s")]
    public static partial void Hello(ILogger logger, string deviceId, string kind, string firmware, int boot, uint uptime);

    [LoggerMessage(2006, LogLevel.Error, "A FrameAcceptedAsync handler failed for a frame from {DeviceId}; the frame stays stored")]
    public static partial void SubscriberFailed(ILogger logger, Exception error, string deviceId);
}
