namespace Ambient.Gateway.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Dashboard change check failed (retrying): {Reason}")]
    public static partial void FingerprintFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Device {DeviceId} ({Kind}) provisioned from the dashboard")]
    public static partial void Provisioned(ILogger logger, string deviceId, string kind);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Device {DeviceId} revoked from the dashboard")]
    public static partial void Revoked(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Dashboard files not found at {Path}; only the JSON API is served")]
    public static partial void NoStaticFiles(ILogger logger, string path);
}
