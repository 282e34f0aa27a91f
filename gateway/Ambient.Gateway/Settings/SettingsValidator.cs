using System.Globalization;

namespace Ambient.Gateway.Settings;

/// <summary>
/// Checks the settings form field by field. Errors are keyed by the form field ("latitude", "calendars[1].source")
/// and each message names the field as the page labels it, so a person knows what to fix.
/// </summary>
public static class SettingsValidator
{
    public static Dictionary<string, string[]> Validate(SettingsForm form, IEnumerable<string> configuredCalendarNames, IEnumerable<string> personas)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        if (form.Latitude is not { } lat || double.IsNaN(lat) || lat < -90 || lat > 90)
        {
            Fail("latitude", "Latitude must be a number from -90 to 90 (degrees north; south is negative).");
        }

        if (form.Longitude is not { } lon || double.IsNaN(lon) || lon < -180 || lon > 180)
        {
            Fail("longitude", "Longitude must be a number from -180 to 180 (degrees east; west is negative).");
        }

        if (string.IsNullOrWhiteSpace(form.Person) || form.Person.Trim().Length > 24)
        {
            Fail("person", "Name to greet must be 1 to 24 characters.");
        }

        var known = personas.ToList();
        if (form.Persona is null || !known.Contains(form.Persona, StringComparer.OrdinalIgnoreCase))
        {
            Fail("persona", $"Persona must be one of: {string.Join(", ", known)}.");
        }

        var start = Time(form.MorningStart, "morningStart", "Morning window start", required: true, errors);
        var end = Time(form.MorningEnd, "morningEnd", "Morning window end", required: true, errors);
        if (start is not null && end is not null && end <= start)
        {
            Fail("morningEnd", "Morning window end must be later than its start (the window cannot cross midnight).");
        }

        var quietStart = Time(form.QuietStart, "quietStart", "Quiet hours start", required: false, errors);
        var quietEnd = Time(form.QuietEnd, "quietEnd", "Quiet hours end", required: false, errors);
        if (!errors.ContainsKey("quietStart") && !errors.ContainsKey("quietEnd") && (quietStart is null) != (quietEnd is null))
        {
            Fail(quietStart is null ? "quietStart" : "quietEnd", "Quiet hours need both a start and an end (or neither).");
        }
        else if (quietStart is not null && quietStart == quietEnd)
        {
            Fail("quietEnd", "Quiet hours end must differ from their start.");
        }

        ValidateCalendars(form.Calendars ?? [], configuredCalendarNames, errors);
        return errors;
    }

    /// <summary>"HH:mm" (or "HH:mm:ss") as a time of day; null when empty.</summary>
    public static TimeSpan? ParseTime(string? text) =>
        TimeSpan.TryParseExact(text?.Trim(), ["h\\:mm", "hh\\:mm", "hh\\:mm\\:ss"], CultureInfo.InvariantCulture, out var t) && t < TimeSpan.FromDays(1) ? t : null;

    private static TimeSpan? Time(string? text, string field, string label, bool required, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = [$"{label} is required (a time such as 06:30)."];
            }

            return null;
        }

        var time = ParseTime(text);
        if (time is null)
        {
            errors[field] = [$"{label} must be a time of day as HH:mm, such as 06:30 (got '{text}')."];
        }

        return time;
    }

    private static void ValidateCalendars(IReadOnlyList<CalendarSetting> calendars, IEnumerable<string> configuredNames, Dictionary<string, string[]> errors)
    {
        var names = new HashSet<string>(configuredNames, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < calendars.Count; i++)
        {
            var c = calendars[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"calendars[{i}]");
            var label = string.Create(CultureInfo.InvariantCulture, $"Calendar {i + 1}");
            if (string.IsNullOrWhiteSpace(c.Name))
            {
                errors[field + ".name"] = [$"{label}: name is required."];
            }
            else if (!names.Add(c.Name.Trim()))
            {
                errors[field + ".name"] = [$"{label}: the name '{c.Name}' is already used by another calendar."];
            }

            if (string.IsNullOrWhiteSpace(c.Source))
            {
                errors[field + ".source"] = [$"{label}: URL or file is required (an http(s):// link to an .ics feed, or a path on the gateway)."];
            }
            else if (CalendarSources.IsUrl(c.Source))
            {
                if (!Uri.TryCreate(c.Source.Trim(), UriKind.Absolute, out _))
                {
                    errors[field + ".source"] = [$"{label}: '{c.Source}' is not a valid URL."];
                }
            }
            else if (c.Source.Contains("://", StringComparison.Ordinal))
            {
                errors[field + ".source"] = [$"{label}: only http:// and https:// calendar URLs are supported (got '{c.Source}')."];
            }
            else if (!File.Exists(c.Source.Trim()))
            {
                errors[field + ".source"] = [$"{label}: the file '{c.Source}' does not exist on the gateway."];
            }

            if (c.Owner is { Length: > 0 } owner && (owner.Length > 24 || owner.Contains('/', StringComparison.Ordinal)))
            {
                errors[field + ".owner"] = [$"{label}: owner must be a name of at most 24 characters."];
            }
        }
    }
}
