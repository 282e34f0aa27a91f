using Ambient.Gateway.Demo;

namespace Ambient.Gateway.Tests.Demo;

public sealed class DemoOptionsTests
{
    [Fact]
    public void Demo_takes_a_duration_and_a_speed()
    {
        Assert.Equal(new DemoOptions(TimeSpan.FromSeconds(30), 60), DemoOptions.Parse(["demo", "--for", "30s"]));
        Assert.Equal(new DemoOptions(TimeSpan.FromMinutes(2), 600), DemoOptions.Parse(["demo", "--speed", "600", "--for", "2m"]));
        Assert.Equal(new DemoOptions(null, 60), DemoOptions.Parse(["demo"]));
        Assert.Null(DemoOptions.Parse(["devices", "list"]));
        Assert.Equal(new DemoOptions(null, 60), DemoOptions.Parse(["demo", "--Broker:Port=1884", "--Api:Url", "http://127.0.0.1:9000"]));
    }

    [Theory]
    [InlineData("--for", "soon", "--for: 'soon' is not a duration")]
    [InlineData("--speed", "-3", "--speed: '-3' is not a positive number")]
    [InlineData("--colour", "blue", "unknown option '--colour'")]
    public void Bad_options_are_refused_with_the_option_named(string option, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => DemoOptions.Parse(["demo", option, value]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_accelerated_clock_runs_fast_and_so_do_its_timers()
    {
        var start = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        var clock = new AcceleratedTimeProvider(start, speed: 600);
        using var fired = new ManualResetEventSlim();
        using var timer = clock.CreateTimer(_ => fired.Set(), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        Assert.True(fired.Wait(TimeSpan.FromSeconds(5)), "a 1-minute timer at 600× fires within 0.1 s of wall time");
        var now = clock.GetUtcNow();
        Assert.InRange(now - start, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30));
    }
}
