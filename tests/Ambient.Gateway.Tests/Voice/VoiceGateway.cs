using System.Globalization;
using Ambient.Firmware.Simulator.Household;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ambient.Gateway.Tests.Voice;

/// <summary>
/// The whole gateway as Program.cs composes it (AddGateway), on a free broker port, with a real SQLite file and a
/// real .ics calendar in a temporary directory, and a simulated earbud (the real EarbudApp firmware with simulated
/// I2S and button) on the broker. Only the clock is the test's.
/// </summary>
internal sealed class VoiceGateway : IAsyncDisposable
{
    public const string EarbudId = "earbud-ana";

    private readonly WebApplication _app;
    private readonly string _dir;
    private readonly CancellationTokenSource _stop = new();
    private Task? _household;

    private VoiceGateway(WebApplication app, string dir)
    {
        _app = app;
        _dir = dir;
    }

    public IServiceProvider Services => _app.Services;

    public int BrokerPort => Services.GetRequiredService<EmbeddedBroker>().Port;

    public SimulatedHousehold? Household { get; private set; }

    /// <summary>Starts the gateway with one calendar holding <paramref name="events"/> (summary, UTC start).</summary>
    public static async Task<VoiceGateway> StartAsync(TimeProvider time, params (string Summary, DateTimeOffset Start)[] events)
    {
        var dir = Directory.CreateTempSubdirectory("ambient-voice-gw-").FullName;
        var ics = Path.Combine(dir, "family.ics");
        await File.WriteAllTextAsync(ics, Calendar(events));
        var builder = GatewayHost.CreateBuilder(
        [
            $"--DataDirectory={dir}",
            "--Broker:Address=127.0.0.1",
            "--Broker:Port=0",
            "--Api:Url=http://127.0.0.1:0",
            "--Devices:Argon2MemoryKiB=1024",
            "--Devices:Argon2Iterations=1",
            "--Logging:LogLevel:Default=Warning",
            "--Weather:UseBundledSample=true",
            "--Greetings:Person=Ana",
            "--Calendar:TimeZone=Europe/Berlin",
            "--Calendar:Calendars:0:Name=family",
            $"--Calendar:Calendars:0:Path={ics}",
            "--Calendar:Calendars:0:LeadTime=00:10:00",
            // The test's clock stands still: send the whole answer at once rather than pace it on that clock.
            "--Voice:Lead=00:00:30",
        ]);
        builder.Services.AddSingleton(time);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddDevices(builder.Configuration);
        builder.Services.AddGateway(builder.Configuration);
        var app = builder.Build();
        app.MapGateway();
        try
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<CalendarService>().RefreshAsync();
        }
        catch (Exception)
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
            throw;
        }

        return new VoiceGateway(app, dir);
    }

    /// <summary>Provisions the earbud and runs it on a simulated clock from <paramref name="start"/> at <paramref name="speed"/>×.</summary>
    public SimulatedDevice StartEarbud(DateTimeOffset start, double speed, TimeSpan runFor)
    {
        var secret = Services.GetRequiredService<DeviceRegistry>().Add(EarbudId, "earbud").Secret;
        var file = new HouseholdFile
        {
            Start = start,
            Devices = [new DeviceEntry { Id = EarbudId, Kind = DeviceKindName.Earbud, Secret = secret }],
        };
        Household = new SimulatedHousehold(file, "127.0.0.1", BrokerPort, speed);
        _household = Task.Run(() => Household.RunAsync(runFor, cancellationToken: _stop.Token));
        return Household.Devices.Single();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_household is not null)
        {
            // The household ends by running out its time or by the cancellation above; a fault surfaces here.
            await Task.WhenAny(_household);
            if (_household.IsFaulted)
            {
                throw _household.Exception!;
            }
        }

        Household?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        _stop.Dispose();
    }

    private static string Calendar((string Summary, DateTimeOffset Start)[] events)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ambient tests//EN" };
        var n = 0;
        foreach (var (summary, start) in events)
        {
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                $"UID:voice-{n++}@test",
                string.Create(CultureInfo.InvariantCulture, $"DTSTART:{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}"),
                string.Create(CultureInfo.InvariantCulture, $"DTEND:{start.UtcDateTime.AddHours(1):yyyyMMdd'T'HHmmss'Z'}"),
                $"SUMMARY:{summary}",
                "END:VEVENT",
            ]);
        }

        lines.Add("END:VCALENDAR");
        return string.Join("\r\n", lines) + "\r\n";
    }
}
