namespace Ambient.Gateway.Memory;

/// <summary>Memory log messages; event ids 3500–3599.</summary>
internal static partial class MemoryLog
{
    [LoggerMessage(3500, LogLevel.Debug, "Remembered {Kind} #{Id} ({Device})")]
    public static partial void Remembered(ILogger logger, string kind, long id, string? device);

    [LoggerMessage(3501, LogLevel.Warning, "A {Kind} from {Device} could not be remembered")]
    public static partial void NotRemembered(ILogger logger, string kind, string? device, Exception exception);

    [LoggerMessage(3502, LogLevel.Information, "Forgot {Count} interactions older than {Days} days")]
    public static partial void Pruned(ILogger logger, int count, double days);

    [LoggerMessage(3503, LogLevel.Warning, "Old interactions could not be deleted; trying again tomorrow")]
    public static partial void PruneFailed(ILogger logger, Exception error);
}
