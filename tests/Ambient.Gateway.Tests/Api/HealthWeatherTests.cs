using System.Text.Json;
using Ambient.Gateway.Tests.Memory;
using Ambient.Gateway.Weather;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Api;

/// <summary>/api/health says whether the forecast the greetings use is there and fresh.</summary>
public sealed class HealthWeatherTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 28, 5, 40, 0, TimeSpan.Zero));
    private MemoryGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await MemoryGateway.StartAsync(_time);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Health_reports_the_forecast_the_greetings_use()
    {
        var weather = _gateway.Services.GetRequiredService<WeatherService>();
        await weather.RefreshAsync();
        using var http = _gateway.Http();

        using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/health", UriKind.Relative)));
        var reported = health.RootElement.GetProperty("weather");

        var current = weather.Current!;
        Assert.True(reported.GetProperty("available").GetBoolean());
        Assert.Equal(current.IsStale, reported.GetProperty("stale").GetBoolean());
        Assert.Equal(current.Age.TotalMinutes, reported.GetProperty("ageMinutes").GetDouble(), 0.1);
    }
}
