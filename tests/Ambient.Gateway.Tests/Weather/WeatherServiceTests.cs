using Ambient.Gateway.Storage;
using Ambient.Gateway.Weather;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Weather;

/// <summary>The real client, resilience handler and disk cache against a local HTTP server; only the clock is fake.</summary>
public sealed class WeatherServiceTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-weather-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 6, 50, 0, TimeSpan.Zero));
    private readonly string _sample = File.ReadAllText(OpenMeteoParserTests.SamplePath);
    private LocalHttpServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _server.Respond = LocalHttpServer.Text(_sample);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_dir, "ambient.db"),
            ["Weather:BaseUrl"] = _server.BaseAddress.ToString(),
            ["Weather:Latitude"] = "52.52",
            ["Weather:Longitude"] = "13.41",
            ["Weather:MaxRetryAttempts"] = "1",
            ["Weather:RetryDelay"] = "00:00:00.010",
            ["Weather:AttemptTimeout"] = "00:00:05",
        }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddStorage(configuration)
            .AddWeather(configuration)
            .BuildServiceProvider();
    }

    /// <summary>A service as the gateway builds it, but on the fake clock (HTTP timeouts stay on the real one).</summary>
    private WeatherService NewService() => new(
        _services.GetRequiredService<IForecastSource>(),
        _services.GetRequiredService<WeatherCache>(),
        _services.GetRequiredService<IOptions<WeatherOptions>>(),
        _time,
        NullLogger<WeatherService>.Instance);

    [Fact]
    public async Task A_forecast_fetched_over_http_is_fresh_and_written_to_the_disk_cache()
    {
        var weather = NewService();

        var report = await weather.RefreshAsync();

        Assert.NotNull(report);
        Assert.False(report.IsStale);
        Assert.Equal(3.4, report.Forecast.TemperatureCelsius);
        Assert.Equal(80, report.Forecast.PrecipitationProbabilityPercent);
        Assert.Equal(1, _server.Requests);
        var cachePath = _services.GetRequiredService<WeatherCache>().Path;
        Assert.Equal(Path.Combine(_dir, "weather-cache.json"), cachePath);
        Assert.True(File.Exists(cachePath));
    }

    [Fact]
    public async Task When_the_api_returns_500_the_last_forecast_is_served_marked_stale_with_its_age()
    {
        var weather = NewService();
        await weather.RefreshAsync();
        _server.Respond = LocalHttpServer.Text("upstream broken", "text/plain", 500);
        _time.Advance(TimeSpan.FromMinutes(30));

        var report = await weather.RefreshAsync();

        Assert.NotNull(report);
        Assert.True(report.IsStale);
        Assert.Equal(TimeSpan.FromMinutes(30), report.Age);
        Assert.Equal(3.4, report.Forecast.TemperatureCelsius);
        Assert.Contains("unreachable", report.LastError, StringComparison.Ordinal);
        Assert.Equal(1, weather.FetchFailures);
        Assert.Equal(3, _server.Requests); // the first fetch, then the failing attempt and one retry
    }

    [Fact]
    public async Task After_a_restart_with_the_server_gone_the_cached_forecast_is_served_stale()
    {
        await NewService().RefreshAsync();
        await _server.StopAsync();
        _time.Advance(TimeSpan.FromHours(2));

        var restarted = NewService();
        var report = await restarted.RefreshAsync();

        Assert.NotNull(report);
        Assert.True(report.IsStale);
        Assert.Equal(TimeSpan.FromHours(2), report.Age);
        Assert.Equal(6.8, report.Forecast.HighCelsius);
        Assert.Equal(1, restarted.FetchFailures);
    }

    [Fact]
    public async Task A_malformed_answer_is_counted_and_the_last_good_forecast_kept()
    {
        var weather = NewService();
        await weather.RefreshAsync();
        _server.Respond = LocalHttpServer.Text("""{"current": {"temperature_2m": """);
        _time.Advance(TimeSpan.FromMinutes(30));

        var report = await weather.RefreshAsync();

        Assert.NotNull(report);
        Assert.Equal(1, weather.FormatFailures);
        Assert.Equal(0, weather.FetchFailures);
        Assert.Equal(3.4, report.Forecast.TemperatureCelsius);
        Assert.True(report.IsStale);
        Assert.StartsWith("weather answer malformed: not JSON", report.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_forecast_ever_and_no_server_there_is_no_report_and_the_failure_is_counted()
    {
        await _server.StopAsync();
        var weather = NewService();

        var report = await weather.RefreshAsync();

        Assert.Null(report);
        Assert.Equal(1, weather.FetchFailures);
    }

    [Fact]
    public async Task A_forecast_older_than_the_stale_limit_is_stale_even_without_a_failed_refresh()
    {
        var weather = NewService();
        await weather.RefreshAsync();

        _time.Advance(TimeSpan.FromMinutes(91));

        Assert.True(weather.Current!.IsStale);
    }

    [Fact]
    public async Task The_refresher_fetches_again_every_refresh_interval_on_the_injected_clock()
    {
        var weather = NewService();
        var refresher = new WeatherRefresher(weather, _services.GetRequiredService<IOptionsMonitor<WeatherOptions>>(), _time);
        await refresher.StartAsync(CancellationToken.None);
        await WaitUntil(() => _server.Requests == 1);

        _time.Advance(TimeSpan.FromMinutes(30));
        await WaitUntil(() => _server.Requests == 2);
        await refresher.StopAsync(CancellationToken.None);

        Assert.Equal(2, _server.Requests);
        refresher.Dispose();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
