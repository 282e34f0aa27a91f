using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Calendar;

/// <summary>
/// Loads the calendars at start and then every Calendar:RefreshInterval, on the injected clock; and at once when the
/// list of calendars changes (a setting saved in the dashboard), so a new calendar's events count without a restart.
/// </summary>
internal sealed class CalendarRefresher(CalendarService calendars, IOptionsMonitor<CalendarOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = options.OnChange(o =>
        {
            if (calendars.Reconfigure(o.Calendars))
            {
                _ = calendars.RefreshAsync(stoppingToken);
            }
        });
        await calendars.RefreshAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(options.CurrentValue.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await calendars.RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
