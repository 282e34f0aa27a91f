namespace Ambient.Gateway.Demo;

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "{Line}")]
    public static partial void Device(ILogger logger, string line);
}
