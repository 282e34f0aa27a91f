namespace Ambient.Gateway.Settings;

/// <summary>
/// Adds the dashboard's settings table as the last configuration source, so a saved setting wins over the files and
/// every options section bound to the configuration sees it. <see cref="CalendarOffset"/> is the number of calendars
/// the other sources configure: the dashboard's calendars are appended after them, because configuration merges
/// lists by index and would otherwise overwrite a file's calendar with a dashboard one.
/// </summary>
public sealed class SettingsConfigurationSource(string databasePath, int calendarOffset) : IConfigurationSource
{
    public string DatabasePath { get; } = databasePath;

    public int CalendarOffset { get; } = calendarOffset;

    /// <summary>The provider this source built last (the one the running configuration holds).</summary>
    public SettingsConfigurationProvider? Provider { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        Provider = new SettingsConfigurationProvider(this);
        return Provider;
    }
}
