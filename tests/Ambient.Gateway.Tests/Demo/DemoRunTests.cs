using System.Diagnostics;
using Ambient.Gateway.Tests.Support;

namespace Ambient.Gateway.Tests.Demo;

/// <summary>
/// The README's run command, for real: the gateway process with its embedded broker and SQLite, the simulated
/// household's firmware connecting over MQTT, and the feed showing what a person would see.
/// </summary>
public sealed class DemoRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-demo-").FullName;

    [Fact]
    public async Task The_demo_runs_a_household_whose_magnet_shows_the_morning_greeting()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "Ambient.Gateway.dll"), "demo", "--for", "40s", "--speed", "600",
                     $"--Broker:Port={FreePort.Next()}", $"--Api:Url=http://127.0.0.1:{FreePort.Next()}",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // What an earlier run left behind (here: not even a database) must not change this one.
        Directory.CreateDirectory(Path.Combine(_dir, ".ambient"));
        await File.WriteAllTextAsync(Path.Combine(_dir, ".ambient", "ambient.db"), "left over from an earlier run");

        using var gateway = Process.Start(start)!;
        var errors = gateway.StandardError.ReadToEndAsync();
        var feed = await gateway.StandardOutput.ReadToEndAsync();
        await gateway.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(gateway.ExitCode == 0, feed + await errors);
        foreach (var device in new[] { "kitchen-basil", "living-monstera", "office-pothos", "fridge-magnet", "earbud" })
        {
            Assert.Contains($"{device}", feed, StringComparison.Ordinal);
            Assert.Matches($@"\] {device} +connected \(firmware 1\.0\.0\)", feed);
        }

        // The model picks the opening ("Good morning, Ana." / "Hello, Ana." …); the name and the feed's how-made are fixed.
        Assert.Matches(@"fridge-magnet +shows ""[^""]*\bAna\b[^""]*"" \((model|template)[^)]*\)", feed);
        Assert.Matches(@"\] reminder +Take vitamins at 8:00 \(in 10 min\)", feed);
        Assert.Matches(@"kitchen-basil +basil: unknown → ", feed);
        Assert.Matches(@"earbud +sent \d+ chunks of speech", feed);
        Assert.True(File.Exists(Path.Combine(_dir, ".ambient", "ambient.db")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
