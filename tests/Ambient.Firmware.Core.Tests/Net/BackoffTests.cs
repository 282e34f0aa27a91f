using Ambient.Firmware.Net;

namespace Ambient.Firmware.Core.Tests.Net;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_double_up_to_the_cap_with_half_of_each_random()
    {
        var backoff = new Backoff(500, 8000, new Random(3));

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelay()).ToList();

        int[] ceilings = [500, 1000, 2000, 4000, 8000, 8000, 8000, 8000];
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i], ceilings[i] / 2, ceilings[i]);
        }

        Assert.Equal(8, backoff.Attempts);
    }

    [Fact]
    public void Devices_that_failed_together_do_not_retry_together()
    {
        var first = new Backoff(500, 8000, new Random(1));
        var second = new Backoff(500, 8000, new Random(2));

        var a = Enumerable.Range(0, 5).Select(_ => first.NextDelay()).ToList();
        var b = Enumerable.Range(0, 5).Select(_ => second.NextDelay()).ToList();

        Assert.NotEqual(a, b);
    }
}
