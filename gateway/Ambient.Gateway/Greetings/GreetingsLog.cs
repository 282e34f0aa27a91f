namespace Ambient.Gateway.Greetings;

internal static partial class GreetingsLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Intent} for {DeviceId} sent ({MadeBy}, {Milliseconds} ms)")]
    public static partial void Sent(ILogger logger, Ambient.Language.Intent intent, string deviceId, string madeBy, double milliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Display for {DeviceId} could not be sent: {Reason}")]
    public static partial void NotSent(ILogger logger, string deviceId, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "The text writer failed on a {Intent}; the template wrote it instead")]
    public static partial void WriterFailed(ILogger logger, string intent, Exception error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Text writer: {Reason}")]
    public static partial void WriterChosen(ILogger logger, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Notice for {DeviceId} shown and acknowledged; retained display cleared")]
    public static partial void NoticeCleared(ILogger logger, string deviceId);
}
