namespace Ambient.Gateway.Demo;

public static class DemoServiceCollectionExtensions
{
    private const string DemoDirectory = ".ambient";

    /// <summary>
    /// Turns the gateway into the demo: its data in ./.ambient/, the embedded broker on loopback, the bundled weather
    /// sample, the sample calendar, the demo household's pots, a simulated household in-process and a readable feed,
    /// all on a clock that starts this morning at 06:00 UTC and runs <see cref="DemoOptions.Speed"/>× fast.
    /// </summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, DemoOptions demo)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StartFresh(DemoDirectory);
        var calendar = Path.Combine(AppContext.BaseDirectory, "Calendar", "sample.ics");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataDirectory"] = DemoDirectory,
            ["Broker:Address"] = "127.0.0.1",
            ["Weather:UseBundledSample"] = "true",
            ["Calendar:Calendars:0:Name"] = "family",
            ["Calendar:Calendars:0:Path"] = calendar,
            ["Calendar:Calendars:0:Owner"] = "Ana",
            ["Plants:Pots:0:DeviceId"] = "kitchen-basil",
            ["Plants:Pots:0:Name"] = "basil",
            ["Plants:Pots:0:Species"] = "basil",
            ["Plants:Pots:1:DeviceId"] = "living-monstera",
            ["Plants:Pots:1:Name"] = "monstera",
            ["Plants:Pots:1:Species"] = "monstera",
            ["Plants:Pots:2:DeviceId"] = "office-pothos",
            ["Plants:Pots:2:Name"] = "pothos",
            ["Plants:Pots:2:Species"] = "pothos",
            ["Greetings:Person"] = "Ana",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var clock = new AcceleratedTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(6), TimeSpan.Zero), demo.Speed);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(demo);
        builder.Services.AddSingleton(Console.Out);
        builder.Services.AddHostedService<LiveFeed>();
        builder.Services.AddHostedService<DemoHousehold>();
        builder.Services.AddHostedService<DemoStopper>();
        return builder;
    }

    /// <summary>
    /// Every run replays the same morning from 06:00, so the database an earlier run left behind (plant verdicts,
    /// readings at the same simulated times, reminders already spoken) would make this run a different, quieter
    /// story. It is removed at the start, not the end, so it can be looked at after a run. The API token stays.
    /// </summary>
    private static void StartFresh(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in new[] { "ambient.db", "ambient.db-wal", "ambient.db-shm" })
        {
            File.Delete(Path.Combine(directory, file));
        }
    }
}
