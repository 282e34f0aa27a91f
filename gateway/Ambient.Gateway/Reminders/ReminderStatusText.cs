namespace Ambient.Gateway.Reminders;

/// <summary>The stored spelling of each status (the table's CHECK constraint lists the same words).</summary>
internal static class ReminderStatusText
{
    private static readonly (ReminderStatus Status, string Text)[] Table =
    [
        (ReminderStatus.Pending, "pending"),
        (ReminderStatus.Sent, "sent"),
        (ReminderStatus.Acknowledged, "acknowledged"),
        (ReminderStatus.Snoozed, "snoozed"),
        (ReminderStatus.Missed, "missed"),
        (ReminderStatus.Cancelled, "cancelled"),
    ];

    public static string ToText(ReminderStatus status) => Array.Find(Table, e => e.Status == status).Text;

    public static ReminderStatus Parse(string text)
    {
        foreach (var (status, spelled) in Table)
        {
            if (spelled == text)
            {
                return status;
            }
        }

        throw new FormatException($"unknown reminder status '{text}' in the database");
    }
}
