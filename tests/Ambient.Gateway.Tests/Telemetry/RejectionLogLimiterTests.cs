using Ambient.Gateway.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Telemetry;

public sealed class RejectionLogLimiterTests
{
    [Fact]
    public void A_device_gets_one_line_a_minute_and_the_next_line_counts_what_was_left_out()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 28, 6, 0, 0, TimeSpan.Zero));
        var limiter = new RejectionLogLimiter(time);

        Assert.True(limiter.ShouldLog("kitchen-basil", out var first));
        var quiet = Enumerable.Range(0, 5).Count(_ => limiter.ShouldLog("kitchen-basil", out _));
        Assert.True(limiter.ShouldLog("hall-magnet", out _)); // another device has its own minute
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.ShouldLog("kitchen-basil", out var later));

        Assert.Equal((0, 0, 5), (first, quiet, later));
    }
}
