using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ambient.Gateway.Weather;

/// <summary>
/// The household's current forecast: refreshed from the source, cached on disk, and when the source fails the last
/// good forecast is served marked stale. Failures are values (counted, logged, reported in
/// <see cref="WeatherReport.LastError"/>), never exceptions to the caller.
/// </summary>
public sealed class WeatherService(
    IForecastSource source,
    WeatherCache cache,
    IOptions<WeatherOptions> options,
    TimeProvider time,
    ILogger<WeatherService> logger) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private Forecast? _last;
    private bool _lastRefreshFailed;
    private string? _lastError;
    private bool _cacheLoaded;

    /// <summary>Refreshes that failed because the source was unreachable (network, timeout, HTTP error, open circuit).</summary>
    public int FetchFailures { get; private set; }

    /// <summary>Refreshes whose answer could not be parsed.</summary>
    public int FormatFailures { get; private set; }

    /// <summary>The forecast to show now, or null when none was ever obtained.</summary>
    public WeatherReport? Current
    {
        get
        {
            var last = _last;
            if (last is null)
            {
                return null;
            }

            var age = time.GetUtcNow() - last.FetchedAt;
            return new WeatherReport(last, _lastRefreshFailed || age > options.Value.StaleAfter, age, _lastError);
        }
    }

    /// <summary>Fetches a fresh forecast; on failure keeps (or loads from disk) the last good one. Returns <see cref="Current"/>.</summary>
    public async Task<WeatherReport?> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadCacheOnceAsync(cancellationToken).ConfigureAwait(false);
            string body;
            try
            {
                body = await source.FetchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
            {
                FetchFailures++;
                Fail($"weather source unreachable: {ex.Message}");
                WeatherLog.Unreachable(logger, FetchFailures, _last?.FetchedAt, ex.Message);
                return Current;
            }

            Forecast forecast;
            try
            {
                forecast = OpenMeteoParser.Parse(body, time.GetUtcNow());
            }
            catch (WeatherFormatException ex)
            {
                FormatFailures++;
                Fail($"weather answer malformed: {ex.Message}");
                WeatherLog.Malformed(logger, FormatFailures, ex.Message);
                return Current;
            }

            _last = forecast;
            _lastRefreshFailed = false;
            _lastError = null;
            WeatherLog.Refreshed(logger, forecast.TemperatureCelsius, forecast.Condition);
            try
            {
                await cache.WriteAsync(forecast, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                WeatherLog.CacheWriteFailed(logger, ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                WeatherLog.CacheWriteFailed(logger, ex.Message);
            }

            return Current;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    private void Fail(string error)
    {
        _lastRefreshFailed = true;
        _lastError = error;
    }

    private async Task LoadCacheOnceAsync(CancellationToken cancellationToken)
    {
        if (_cacheLoaded)
        {
            return;
        }

        _cacheLoaded = true;
        var (cached, error) = await cache.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            WeatherLog.CacheUnreadable(logger, error);
        }

        if (cached is not null && (_last is null || cached.FetchedAt > _last.FetchedAt))
        {
            _last = cached;
        }
    }

    // The failures that mean "no answer": our own cancellation (shutdown) is not one of them.
    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
