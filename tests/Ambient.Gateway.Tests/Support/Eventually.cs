namespace Ambient.Gateway.Tests.Support;

/// <summary>
/// For effects the broker produces after the client has nothing left to await (a server-side disconnect
/// handler): polls the condition until it holds or the deadline passes, then fails the test.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 10000)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, $"timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }
}
