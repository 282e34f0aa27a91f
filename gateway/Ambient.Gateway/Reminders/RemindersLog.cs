namespace Ambient.Gateway.Reminders;

/// <summary>Reminders log messages; event ids 3400–3499.</summary>
internal static partial class RemindersLog
{
    [LoggerMessage(3400, LogLevel.Information, "Reminder {Id} due: '{Summary}' at {Start:u} (repeat: {IsRepeat})")]
    public static partial void Due(ILogger logger, long id, string summary, DateTimeOffset start, bool isRepeat);

    [LoggerMessage(3401, LogLevel.Warning, "Reminder {Id} missed: the gateway was down from its due time until '{Summary}' started")]
    public static partial void Missed(ILogger logger, long id, string summary);

    [LoggerMessage(3402, LogLevel.Error, "Delivering reminder {Id} failed; it will be retried on the next tick")]
    public static partial void DeliveryFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(3403, LogLevel.Error, "Reminder tick failed")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(3404, LogLevel.Information, "Reminder {Id} {Action}")]
    public static partial void Changed(ILogger logger, long id, string action);
}
