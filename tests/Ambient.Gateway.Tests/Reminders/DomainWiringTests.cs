using System.Net.Http.Json;
using System.Text.Json;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Weather;
using Ambient.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Reminders;

/// <summary>
/// AddPlants/AddWeather/AddCalendar/AddReminders and MapPlants/MapReminders composed the way Program.cs will,
/// with the demo's data (bundled weather sample, sample calendar), served over real HTTP.
/// </summary>
public sealed class DomainWiringTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-wiring-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_dir, "ambient.db"),
            ["Plants:Pots:0:DeviceId"] = "planter-kitchen",
            ["Plants:Pots:0:Name"] = "Basil",
            ["Plants:Pots:0:Species"] = "basil",
            ["Weather:UseBundledSample"] = "true",
            ["Calendar:TimeZone"] = "Europe/Berlin",
            ["Calendar:Calendars:0:Name"] = "household",
            ["Calendar:Calendars:0:Path"] = "Calendar/sample.ics",
            ["Calendar:Calendars:0:Owner"] = "anna",
        });
        builder.Services
            .AddStorage(builder.Configuration)
            .AddPlants(builder.Configuration)
            .AddWeather(builder.Configuration)
            .AddCalendar(builder.Configuration)
            .AddReminders(builder.Configuration);
        _app = builder.Build();
        _app.MapPlants();
        _app.MapReminders();
        await _app.StartAsync();
    }

    [Fact]
    public async Task The_plants_api_lists_configured_pots_with_their_state()
    {
        var monitor = _app.Services.GetRequiredService<PlantMonitor>();
        await monitor.OnReadingsAsync("planter-kitchen", [(DateTimeOffset.UtcNow, SensorKind.SoilMoisturePermille, 300)]);
        using var http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };

        var plants = await http.GetFromJsonAsync<JsonElement>("/api/plants");

        var basil = Assert.Single(plants.EnumerateArray());
        Assert.Equal("planter-kitchen", basil.GetProperty("deviceId").GetString());
        Assert.Equal("Thirsty", basil.GetProperty("condition").GetString());
        Assert.Equal(30, basil.GetProperty("moisturePercent").GetDouble());
    }

    [Fact]
    public async Task The_reminders_api_lists_reminders_planned_from_the_sample_calendar()
    {
        var calendars = _app.Services.GetRequiredService<CalendarService>();
        await calendars.RefreshAsync();
        await _app.Services.GetRequiredService<ReminderScheduler>().TickAsync();
        using var http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };

        var reminders = await http.GetFromJsonAsync<JsonElement>("/api/reminders");

        // The sample has a daily 08:00 event, so the next two days always hold at least one reminder.
        Assert.Contains(reminders.EnumerateArray(), r => r.GetProperty("summary").GetString() == "Take vitamins"
                                                          && r.GetProperty("owner").GetString() == "anna"
                                                          && r.GetProperty("status").GetString() is "pending" or "sent");
        Assert.Equal(["household"], calendars.LoadedCalendars);
    }

    [Fact]
    public async Task The_demo_weather_comes_from_the_bundled_sample()
    {
        var report = await _app.Services.GetRequiredService<WeatherService>().RefreshAsync();

        Assert.NotNull(report);
        Assert.Equal("light rain", report.Forecast.Condition);
    }

    [Fact]
    public void Invalid_plant_and_weather_options_fail_naming_the_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plants:Pots:0:DeviceId"] = "Planter 1",
            ["Plants:Pots:0:Name"] = "Fern",
            ["Plants:Pots:0:Species"] = "triffid",
            ["Plants:Pots:0:RawDry"] = "2800",
            ["Weather:Latitude"] = "123",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddStorage(configuration)
            .AddPlants(configuration).AddWeather(configuration).BuildServiceProvider();

        var plants = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PlantsOptions>>().Value);
        var weather = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WeatherOptions>>().Value);

        Assert.Contains(plants.Failures, f => f.StartsWith("Plants:Pots:0:DeviceId", StringComparison.Ordinal));
        Assert.Contains(plants.Failures, f => f.StartsWith("Plants:Pots:0:Species 'triffid'", StringComparison.Ordinal));
        Assert.Contains(plants.Failures, f => f.StartsWith("Plants:Pots:0:RawDry and Plants:Pots:0:RawWet", StringComparison.Ordinal));
        Assert.Contains(weather.Failures, f => f.Contains("Weather:Latitude", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
