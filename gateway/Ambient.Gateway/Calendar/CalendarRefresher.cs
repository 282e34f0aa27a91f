using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Calendar;

/// <summary>Loads the calendars at start and then every Calendar:RefreshInterval, on the injected clock.</summary>
internal sealed class CalendarRefresher(CalendarService calendars, IOptions<CalendarOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await calendars.RefreshAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await calendars.RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
