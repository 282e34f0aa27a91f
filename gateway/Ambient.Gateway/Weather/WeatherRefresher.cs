using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Weather;

/// <summary>Refreshes the forecast at start and then every Weather:RefreshInterval, on the injected clock.</summary>
internal sealed class WeatherRefresher(WeatherService weather, IOptions<WeatherOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await weather.RefreshAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await weather.RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
