using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Calendar;

/// <summary>Checks Calendar:* at start-up; each failure names the configuration key to fix.</summary>
internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Calendar:TimeZone '{options.TimeZone}' is not a known IANA time zone id (e.g. Europe/Berlin).");
        }

        if (options.RefreshInterval < TimeSpan.FromSeconds(10))
        {
            failures.Add("Calendar:RefreshInterval must be at least 10 seconds.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Calendars.Count; i++)
        {
            var calendar = options.Calendars[i];
            var key = $"Calendar:Calendars:{i}";
            if (string.IsNullOrWhiteSpace(calendar.Name))
            {
                failures.Add($"{key}:Name is required.");
            }
            else if (!names.Add(calendar.Name))
            {
                failures.Add($"{key}:Name '{calendar.Name}' is used twice.");
            }

            if (string.IsNullOrWhiteSpace(calendar.Path) == (calendar.Url is null))
            {
                failures.Add($"{key}: set exactly one of {key}:Path and {key}:Url.");
            }

            if (calendar.Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            {
                failures.Add($"{key}:Url '{url}' must be an absolute http(s) URL.");
            }

            if (calendar.LeadTime < TimeSpan.Zero || calendar.LeadTime > TimeSpan.FromDays(1))
            {
                failures.Add($"{key}:LeadTime must be between 0 and 1 day.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
