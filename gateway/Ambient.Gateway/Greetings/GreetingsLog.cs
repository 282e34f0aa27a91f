namespace Ambient.Gateway.Greetings;

internal static partial class GreetingsLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Greeting for {DeviceId} sent ({MadeBy}, {Milliseconds} ms)")]
    public static partial void Sent(ILogger logger, string deviceId, string madeBy, double milliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Greeting for {DeviceId} could not be sent: {Reason}")]
    public static partial void NotSent(ILogger logger, string deviceId, string reason);
}
