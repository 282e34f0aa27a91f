namespace Ambient.Gateway.Dashboard;

/// <summary>What changed, as the event names of the dashboard's server-sent events; the page re-reads only those.</summary>
public static class DashboardTopics
{
    public const string Devices = "devices";
    public const string Plants = "plants";
    public const string Telemetry = "telemetry";
    public const string Feed = "feed";
    public const string Reminders = "reminders";
    public const string Settings = "settings";
}
