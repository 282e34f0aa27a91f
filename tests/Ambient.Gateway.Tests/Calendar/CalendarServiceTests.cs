using Ambient.Gateway.Calendar;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Tests.Weather;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Calendar;

public sealed class CalendarServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-calendar-").FullName;
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _server.Respond = LocalHttpServer.Text(File.ReadAllText(OccurrenceExpanderTests.Fixture("exceptions.ics")), "text/calendar");
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Storage:DatabasePath"] = Path.Combine(_dir, "ambient.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // The system clock: the HTTP resilience pipeline takes its TimeProvider from the container, and its
        // retry back-off would wait forever on a fake clock nobody advances.
        return new ServiceCollection()
            .AddLogging()
            .AddStorage(configuration)
            .AddCalendar(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task A_broken_calendar_is_counted_and_named_while_the_others_keep_working()
    {
        await using var services = Build(new()
        {
            ["Calendar:TimeZone"] = "Europe/Berlin",
            ["Calendar:Calendars:0:Name"] = "kids",
            ["Calendar:Calendars:0:Path"] = OccurrenceExpanderTests.Fixture("broken.ics"),
            ["Calendar:Calendars:1:Name"] = "family",
            ["Calendar:Calendars:1:Path"] = OccurrenceExpanderTests.Fixture("zones-and-all-day.ics"),
            ["Calendar:Calendars:1:Owner"] = "anna",
            ["Calendar:Calendars:1:LeadTime"] = "00:20:00",
        });
        var calendars = services.GetRequiredService<CalendarService>();

        await calendars.RefreshAsync();

        var kids = calendars.Status.Single(s => s.Name == "kids");
        Assert.False(kids.Loaded);
        Assert.Equal(1, kids.Errors);
        Assert.StartsWith("calendar 'kids': ", kids.LastError, StringComparison.Ordinal);
        Assert.Equal(["family"], calendars.LoadedCalendars);
        var occurrences = calendars.GetOccurrences(new(2026, 12, 1, 0, 0, 0, Cet), new(2026, 12, 2, 0, 0, 0, Cet));
        Assert.Equal(4, occurrences.Count);
        Assert.All(occurrences, o => Assert.Equal(("family", "anna", TimeSpan.FromMinutes(20)), (o.Calendar, o.Owner, o.LeadTime)));
    }

    [Fact]
    public async Task A_url_calendar_is_fetched_over_http_and_its_last_good_copy_kept_when_the_server_fails()
    {
        await using var services = Build(new()
        {
            ["Calendar:Calendars:0:Name"] = "dog",
            ["Calendar:Calendars:0:Url"] = new Uri(_server.BaseAddress, "dog.ics").ToString(),
        });
        var calendars = services.GetRequiredService<CalendarService>();
        await calendars.RefreshAsync();
        var window = (From: new DateTimeOffset(2026, 11, 30, 0, 0, 0, Cet), Until: new DateTimeOffset(2026, 12, 8, 0, 0, 0, Cet));
        Assert.Equal(4, calendars.GetOccurrences(window.From, window.Until).Count);

        _server.Respond = LocalHttpServer.Text("gone", "text/plain", 404);
        await calendars.RefreshAsync();

        var status = Assert.Single(calendars.Status);
        Assert.True(status.Loaded);
        Assert.Equal(1, status.Errors);
        Assert.Contains("answered 404", status.LastError, StringComparison.Ordinal);
        Assert.Equal(4, calendars.GetOccurrences(window.From, window.Until).Count);
    }

    [Fact]
    public async Task A_missing_file_is_an_error_naming_the_calendar()
    {
        await using var services = Build(new()
        {
            ["Calendar:Calendars:0:Name"] = "work",
            ["Calendar:Calendars:0:Path"] = "/nonexistent/work.ics",
        });
        var calendars = services.GetRequiredService<CalendarService>();

        await calendars.RefreshAsync();

        var status = Assert.Single(calendars.Status);
        Assert.Equal(1, status.Errors);
        Assert.StartsWith("calendar 'work': ", status.LastError, StringComparison.Ordinal);
        Assert.Empty(calendars.GetOccurrences(new(2026, 11, 30, 0, 0, 0, Cet), new(2026, 12, 8, 0, 0, 0, Cet)));
    }

    [Fact]
    public async Task Invalid_options_fail_validation_naming_the_keys()
    {
        await using var services = Build(new()
        {
            ["Calendar:TimeZone"] = "Mars/Olympus_Mons",
            ["Calendar:Calendars:0:Name"] = "both",
            ["Calendar:Calendars:0:Path"] = "a.ics",
            ["Calendar:Calendars:0:Url"] = "https://example.org/a.ics",
            ["Calendar:Calendars:1:Name"] = "late",
            ["Calendar:Calendars:1:Path"] = "b.ics",
            ["Calendar:Calendars:1:LeadTime"] = "2.00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CalendarOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Calendar:TimeZone 'Mars/Olympus_Mons'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Calendar:Calendars:0:Path and Calendar:Calendars:0:Url", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Calendar:Calendars:1:LeadTime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_restart_with_the_feed_unreachable_the_url_calendar_comes_from_its_disk_copy()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Calendar:Calendars:0:Name"] = "dog walks",
            ["Calendar:Calendars:0:Url"] = new Uri(_server.BaseAddress, "dog.ics").ToString(),
        };
        await using (var before = Build(settings))
        {
            await before.GetRequiredService<CalendarService>().RefreshAsync();
        }

        await _server.StopAsync();
        await using var after = Build(settings);
        var calendars = after.GetRequiredService<CalendarService>();
        await calendars.RefreshAsync();

        var status = Assert.Single(calendars.Status);
        Assert.True(status.Loaded);
        Assert.Equal(1, status.Errors);
        Assert.StartsWith("calendar 'dog walks': ", status.LastError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "calendar-cache", "dog_walks.ics")));
        Assert.Equal(4, calendars.GetOccurrences(new(2026, 11, 30, 0, 0, 0, Cet), new(2026, 12, 8, 0, 0, 0, Cet)).Count);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
