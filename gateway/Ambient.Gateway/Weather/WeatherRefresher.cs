using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Weather;

/// <summary>
/// Refreshes the forecast at start and then every Weather:RefreshInterval, on the injected clock; and at once when
/// the location changes (a setting saved in the dashboard), so the next greeting is about the new place.
/// </summary>
internal sealed class WeatherRefresher(WeatherService weather, IOptionsMonitor<WeatherOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var location = (options.CurrentValue.Latitude, options.CurrentValue.Longitude);
        using var moved = options.OnChange(o =>
        {
            if ((o.Latitude, o.Longitude) != location)
            {
                location = (o.Latitude, o.Longitude);
                _ = weather.RefreshAsync(stoppingToken);
            }
        });
        // The timer starts before the first fetch: the cadence counts from start-up, and a clock that moves while the
        // first fetch is still running (a test's FakeTimeProvider, a suspended Pi) is not lost.
        using var timer = new PeriodicTimer(options.CurrentValue.RefreshInterval, time);
        await weather.RefreshAsync(stoppingToken).ConfigureAwait(false);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await weather.RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
