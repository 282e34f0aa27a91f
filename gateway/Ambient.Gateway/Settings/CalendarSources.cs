namespace Ambient.Gateway.Settings;

/// <summary>A calendar's source is a URL when it says http(s)://, otherwise a file path.</summary>
internal static class CalendarSources
{
    public static bool IsUrl(string? source) =>
        source is not null
        && (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
