using Ambient.Gateway.Greetings;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Tests.Memory;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Greetings;

public sealed class MorningPreparerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-12-01T05:00:00Z", "2026-12-01T05:20:00Z")] // 06:00 CET → 06:20 CET today
    [InlineData("2026-12-01T05:30:00Z", "2026-12-02T05:20:00Z")] // past it → tomorrow
    [InlineData("2026-07-01T02:00:00Z", "2026-07-01T04:20:00Z")] // summer: 06:20 CEST
    public void The_greeting_is_prepared_ten_minutes_before_the_morning_window(string now, string expected)
    {
        var next = MorningPreparer.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Berlin, new TimeSpan(6, 30, 0));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public async Task The_first_ask_of_the_morning_gets_the_prepared_greeting_and_the_next_a_fresh_one()
    {
        // 05:00 Berlin: an hour and twenty minutes of slack before 06:20, so a preparer that starts late on a busy
        // machine still schedules today's run.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));
        await using var gateway = await MemoryGateway.StartAsync(clock);
        var greetings = gateway.Services.GetRequiredService<GreetingService>();
        Assert.Null(greetings.PreparedAt);

        // Minute by minute: the preparer schedules itself on its own thread once the host has started.
        for (var minute = 0; minute < 81 && greetings.PreparedAt is null; minute++)
        {
            await Task.Delay(50);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        await Eventually.TrueAsync(() => greetings.PreparedAt is not null, "the greeting is prepared at 06:20");
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 5, 20, 0, TimeSpan.Zero), greetings.PreparedAt);

        var magnet = await gateway.ConnectAsync("fridge-magnet", "fridge-magnet");
        clock.Advance(TimeSpan.FromMinutes(10));
        for (uint sequence = 1; sequence <= 2; sequence++)
        {
            var ask = FrameEncoder.Encode(new EventMessage { BootId = 1, Sequence = sequence, Kind = EventKind.GreetingRequest });
            Assert.True((await magnet.PublishQos1Async(Topics.For("fridge-magnet", Channel.Event), ask)).IsSuccess);
        }

        var store = gateway.Services.GetRequiredService<MemoryStore>();
        await Eventually.TrueAsync(() => store.Search(null, 10).Count == 2, "both greetings are remembered");
        Assert.Equal(["template", "template, prepared"], store.Search(null, 10).Select(m => m.MadeBy));
        Assert.Null(greetings.PreparedAt);
    }
}
