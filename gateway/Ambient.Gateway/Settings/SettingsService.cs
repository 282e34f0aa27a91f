using System.Globalization;
using System.Text.Json;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Weather;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Settings;

/// <summary>
/// Reads the settings in force and saves new ones: the form is validated field by field, then the resulting
/// configuration is checked by the capabilities' own option validators (so the dashboard can never store what
/// appsettings.json could not hold), written to SQLite, and the configuration reloaded.
/// </summary>
public sealed class SettingsService(
    SettingsStore store,
    SettingsConfigurationSource source,
    IConfiguration configuration,
    IServiceProvider services,
    IOptionsMonitor<WeatherOptions> weather,
    IOptionsMonitor<GreetingsOptions> greetings,
    IOptionsMonitor<CalendarOptions> calendar,
    IOptionsMonitor<HouseholdOptions> household,
    ILogger<SettingsService> logger)
{
    /// <summary>The voices the greeting writer knows (Ambient.Language's Persona names; an unknown one reads as warm).</summary>
    public static IReadOnlyList<string> Personas { get; } = ["warm", "brief", "cheerful"];

    /// <summary>Raised after a save has taken effect.</summary>
    public event Func<Task>? ChangedAsync;

    public SettingsView Current()
    {
        var w = weather.CurrentValue;
        var g = greetings.CurrentValue;
        var h = household.CurrentValue;
        var persona = configuration[SettingKeys.Persona] ?? "warm";
        var form = new SettingsForm(
            w.Latitude, w.Longitude, g.Person, persona.ToLowerInvariant(), Hm(g.MorningStart), Hm(g.MorningEnd),
            h.QuietStart is { } qs ? Hm(qs) : null, h.QuietEnd is { } qe ? Hm(qe) : null, store.Calendars());
        return new SettingsView(form, ConfiguredCalendars(), calendar.CurrentValue.TimeZone, Personas, store.SavedAt());
    }

    /// <summary>Validates and saves; returns the errors by field (empty when saved).</summary>
    public async Task<Dictionary<string, string[]>> SaveAsync(SettingsForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = SettingsValidator.Validate(form, ConfiguredCalendars().Select(c => c.Name!), Personas);
        if (errors.Count > 0)
        {
            return errors;
        }

        var rows = ToRows(form);
        var optionErrors = CheckOptions(rows);
        if (optionErrors.Count > 0)
        {
            return new Dictionary<string, string[]>(StringComparer.Ordinal) { ["settings"] = [.. optionErrors] };
        }

        store.Replace(rows);
        source.Provider?.Reload();
        SettingsLog.Saved(logger, form.Latitude!.Value, form.Longitude!.Value, form.MorningStart!, form.MorningEnd!, form.Calendars?.Count ?? 0);
        if (ChangedAsync is { } changed)
        {
            await changed().ConfigureAwait(false);
        }

        return errors;
    }

    private List<CalendarSetting> ConfiguredCalendars() =>
        [.. calendar.CurrentValue.Calendars.Take(source.CalendarOffset).Select(c => new CalendarSetting(c.Name, c.Url?.ToString() ?? c.Path, c.Owner))];

    private static Dictionary<string, string> ToRows(SettingsForm form)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SettingKeys.Latitude] = form.Latitude!.Value.ToString("R", CultureInfo.InvariantCulture),
            [SettingKeys.Longitude] = form.Longitude!.Value.ToString("R", CultureInfo.InvariantCulture),
            [SettingKeys.Person] = form.Person!.Trim(),
            [SettingKeys.Persona] = form.Persona!.ToLowerInvariant(),
            [SettingKeys.MorningStart] = Stored(form.MorningStart)!,
            [SettingKeys.MorningEnd] = Stored(form.MorningEnd)!,
        };
        if (Stored(form.QuietStart) is { } quietStart && Stored(form.QuietEnd) is { } quietEnd)
        {
            rows[SettingKeys.QuietStart] = quietStart;
            rows[SettingKeys.QuietEnd] = quietEnd;
        }

        var calendars = (form.Calendars ?? []).Select(c => new CalendarSetting(c.Name!.Trim(), c.Source!.Trim(), string.IsNullOrWhiteSpace(c.Owner) ? null : c.Owner.Trim())).ToList();
        if (calendars.Count > 0)
        {
            rows[SettingKeys.Calendars] = JsonSerializer.Serialize(calendars, SettingsJson.Options);
        }

        return rows;
    }

    /// <summary>The configuration as it would be after the save, checked by every registered options validator.</summary>
    private List<string> CheckOptions(Dictionary<string, string> rows)
    {
        var overlay = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in rows.Where(r => r.Key != SettingKeys.Calendars))
        {
            overlay[key] = value;
        }

        if (rows.TryGetValue(SettingKeys.Calendars, out var json))
        {
            var calendars = JsonSerializer.Deserialize<List<CalendarSetting>>(json, SettingsJson.Options) ?? [];
            for (var i = 0; i < calendars.Count; i++)
            {
                var prefix = string.Create(CultureInfo.InvariantCulture, $"{SettingKeys.CalendarsSection}:{source.CalendarOffset + i}:");
                overlay[prefix + "Name"] = calendars[i].Name;
                overlay[prefix + (CalendarSources.IsUrl(calendars[i].Source) ? "Url" : "Path")] = calendars[i].Source;
                overlay[prefix + "Owner"] = calendars[i].Owner;
            }
        }

        var proposed = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overlay).Build();
        var failures = new List<string>();
        failures.AddRange(Check<WeatherOptions>(proposed, WeatherOptions.Section));
        failures.AddRange(Check<GreetingsOptions>(proposed, GreetingsOptions.Section));
        failures.AddRange(Check<CalendarOptions>(proposed, CalendarOptions.Section));
        return failures;
    }

    private IEnumerable<string> Check<T>(IConfiguration proposed, string section)
        where T : class, new()
    {
        var value = new T();
        proposed.GetSection(section).Bind(value);
        return services.GetServices<IValidateOptions<T>>()
            .Select(v => v.Validate(Options.DefaultName, value))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? []);
    }

    private static string? Stored(string? time) => SettingsValidator.ParseTime(time) is { } t ? t.ToString("c", CultureInfo.InvariantCulture) : null;

    private static string Hm(TimeSpan t) => t.ToString("hh\\:mm", CultureInfo.InvariantCulture);
}
