namespace Ambient.Gateway.Settings;

/// <summary>
/// "Household" section: settings that belong to the household rather than to one capability. Quiet hours are local
/// times; a window that crosses midnight (22:00–07:00) is the usual case.
/// </summary>
public sealed class HouseholdOptions
{
    public const string Section = "Household";

    public TimeSpan? QuietStart { get; set; }

    public TimeSpan? QuietEnd { get; set; }

    /// <summary>Whether <paramref name="localTime"/> (time of day) falls in the quiet hours; never when unset.</summary>
    public bool IsQuiet(TimeSpan localTime)
    {
        if (QuietStart is not { } start || QuietEnd is not { } end || start == end)
        {
            return false;
        }

        return start < end ? localTime >= start && localTime < end : localTime >= start || localTime < end;
    }
}
