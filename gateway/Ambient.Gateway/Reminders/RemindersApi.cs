namespace Ambient.Gateway.Reminders;

public static class RemindersApi
{
    /// <summary>
    /// GET /api/reminders: upcoming and recent reminders with status. Returns the group so the caller can add auth.
    /// </summary>
    public static RouteGroupBuilder MapReminders(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/reminders");
        group.MapGet("/", (ReminderScheduler reminders) => reminders.List().Select(ReminderView.From).ToList());
        return group;
    }
}
