using Ambient.Gateway.Devices;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Settings;
using Ambient.Gateway.Tests.Support;
using Ambient.Gateway.Voice;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Voice;

/// <summary>
/// Quiet hours saved in the dashboard (SettingsService, the Settings page's own save path, which reloads the
/// configuration) keep a due reminder off the earbud; it is still delivered to the magnet path and remembered.
/// The real gateway; only the clock is the test's.
/// </summary>
public sealed class QuietHoursTests
{
    // 07:20 in Berlin (UTC+2 in May); the reminder's event is at 07:30.
    private static readonly DateTimeOffset Now = new(2026, 5, 28, 5, 20, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reminder_due_in_quiet_hours_is_not_spoken_but_is_delivered_to_the_magnet_path_and_remembered()
    {
        var time = new FakeTimeProvider(Now);
        await using var gateway = await VoiceGateway.StartAsync(time, ("Dentist", Now.AddMinutes(10)));
        var spoken = Spoken(gateway);
        await SaveQuietHoursAsync(gateway, "07:00", "08:00");

        var delivered = await gateway.Services.GetRequiredService<ReminderScheduler>().TickAsync();

        Assert.Equal(1, delivered);
        var counters = gateway.Services.GetRequiredService<VoiceCounters>();
        Assert.Equal(1, counters.RemindersKeptQuiet);
        Assert.Equal(0, counters.StreamsSent);
        Assert.False(spoken.Task.IsCompleted, "nothing was spoken to the earbud");
        // The magnet notice path wrote it (MagnetNotices → GreetingSent → memory) and the reminder counts as delivered,
        // so it is neither lost nor spoken later when the quiet hours end.
        var memory = gateway.Services.GetRequiredService<MemoryStore>();
        await Eventually.TrueAsync(
            () => memory.Search(null, 20).Any(m => m.Kind == MemoryKinds.Reminder && m.Text.Contains("Dentist", StringComparison.Ordinal)),
            "the reminder notice is remembered");
        Assert.Equal("Dentist", gateway.Services.GetRequiredService<ReminderScheduler>().LatestSent()?.Summary);
        Assert.Equal(0, await gateway.Services.GetRequiredService<ReminderScheduler>().TickAsync());
        Assert.Equal(0, counters.StreamsSent);
    }

    [Fact]
    public async Task A_reminder_due_outside_quiet_hours_is_spoken_to_the_earbud()
    {
        var time = new FakeTimeProvider(Now);
        await using var gateway = await VoiceGateway.StartAsync(time, ("Dentist", Now.AddMinutes(10)));
        var spoken = Spoken(gateway);
        // 22:00–07:00 crosses midnight and has just ended at 07:20.
        await SaveQuietHoursAsync(gateway, "22:00", "07:00");

        var delivered = await gateway.Services.GetRequiredService<ReminderScheduler>().TickAsync();

        Assert.Equal(1, delivered);
        var stream = await spoken.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("Dentist", stream.Text, StringComparison.Ordinal);
        Assert.Equal([VoiceGateway.EarbudId], stream.Devices);
        var counters = gateway.Services.GetRequiredService<VoiceCounters>();
        Assert.Equal(0, counters.RemindersKeptQuiet);
        Assert.Equal(1, counters.StreamsSent);
    }

    // The earbud is provisioned (so "no earbud" cannot be why nothing is spoken); its firmware is not needed here.
    private static TaskCompletionSource<SpokenStream> Spoken(VoiceGateway gateway)
    {
        gateway.Services.GetRequiredService<DeviceRegistry>().Add(VoiceGateway.EarbudId, "earbud");
        var spoken = new TaskCompletionSource<SpokenStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Services.GetRequiredService<SpeechSender>().SpokenAsync += s =>
        {
            spoken.TrySetResult(s);
            return Task.CompletedTask;
        };
        return spoken;
    }

    private static async Task SaveQuietHoursAsync(VoiceGateway gateway, string start, string end)
    {
        var settings = gateway.Services.GetRequiredService<SettingsService>();
        var errors = await settings.SaveAsync(settings.Current().Current with { QuietStart = start, QuietEnd = end });
        Assert.Empty(errors);
    }
}
