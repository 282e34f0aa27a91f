namespace Ambient.Gateway.Reminders;

/// <summary>The "Reminders" section. Lead times are per calendar (Calendar:Calendars:N:LeadTime).</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>How far ahead occurrences are planned into reminders.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How far back GET /api/reminders lists past reminders.</summary>
    public TimeSpan Recent { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the scheduler checks for due reminders (the delivery latency at worst).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(15);
}
