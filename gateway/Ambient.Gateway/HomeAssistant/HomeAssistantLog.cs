namespace Ambient.Gateway.HomeAssistant;

internal static partial class HomeAssistantLog
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Home Assistant discovery published for {Devices} device(s) ({Reason})")]
    public static partial void Published(ILogger logger, int devices, string reason);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Home Assistant discovery removed for revoked device {DeviceId}")]
    public static partial void Removed(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "Home Assistant publication failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "Home Assistant announced itself online; re-publishing discovery")]
    public static partial void HomeAssistantOnline(ILogger logger);
}
