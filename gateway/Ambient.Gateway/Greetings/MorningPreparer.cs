using Ambient.Gateway.Calendar;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// Writes the morning greeting <see cref="Ahead"/> before the morning window opens each day (household time), so
/// the magnet's first ask is answered at once — what matters once a language model writes it.
/// </summary>
public sealed class MorningPreparer(
    GreetingService greetings,
    IOptionsMonitor<GreetingsOptions> options,
    IOptions<CalendarOptions> calendar,
    TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Ahead = TimeSpan.FromMinutes(10);

    /// <summary>How long a prepared greeting stays good enough to serve.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromHours(3);

    /// <summary>The next moment to prepare, after <paramref name="now"/>, in the household's zone.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeZoneInfo zone, TimeSpan morningStart)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = local.Date;
        for (var i = 0; i < 3; i++, day = day.AddDays(1))
        {
            var wall = day + morningStart - Ahead;
            var candidate = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (candidate > now)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no morning within three days");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NextRun(now, zone, options.CurrentValue.MorningStart) - now, time, stoppingToken);
            greetings.PrepareMorningGreeting();
        }
    }
}
