using Ambient.Protocol;

namespace Ambient.Gateway.Plants;

/// <summary>Plants log messages; event ids 3100–3199.</summary>
internal static partial class PlantsLog
{
    [LoggerMessage(3100, LogLevel.Debug, "Readings from {DeviceId} ignored: no pot is configured for it")]
    public static partial void UnknownPot(ILogger logger, string deviceId);

    [LoggerMessage(3101, LogLevel.Information, "Pot {DeviceId}: {Previous} -> {Current}")]
    public static partial void ConditionChanged(ILogger logger, string deviceId, PlantCondition previous, PlantCondition current);

    [LoggerMessage(3102, LogLevel.Information, "Pot {DeviceId} was watered: {Before:F0} % -> {After:F0} %")]
    public static partial void Watered(ILogger logger, string deviceId, double before, double after);

    [LoggerMessage(3103, LogLevel.Warning, "Re-evaluating the pots failed")]
    public static partial void ReevaluationFailed(ILogger logger, Exception exception);
}
