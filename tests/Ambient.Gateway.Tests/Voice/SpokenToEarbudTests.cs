using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Simulator.Hardware;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Tests.Support;
using Ambient.Gateway.Voice;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Voice;

/// <summary>
/// End to end: the real gateway (embedded broker, SQLite, calendar, reminders, voice) and the real earbud firmware
/// on a simulated earbud. Speech goes gateway → espeak-ng → ADPCM → MQTT → the earbud's jitter buffer → its speaker.
/// </summary>
public sealed class SpokenToEarbudTests
{
    // 07:20 in Berlin (UTC+2 in May): the earbud's morning.
    private static readonly DateTimeOffset Now = new(2026, 5, 28, 5, 20, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reminder_due_is_spoken_on_the_idle_earbud_which_wakes_for_it_and_plays_all_of_it()
    {
        var time = new FakeTimeProvider(Now);
        await using var gateway = await VoiceGateway.StartAsync(time, ("Dentist", Now.AddMinutes(10)));
        var spoken = new TaskCompletionSource<SpokenStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Services.GetRequiredService<SpeechSender>().SpokenAsync += s =>
        {
            spoken.TrySetResult(s);
            return Task.CompletedTask;
        };
        // 4×, not faster: the earbud's 300 ms play-out buffer lasts 75 ms of real time here, enough for a loaded CI
        // machine's scheduling jitter (at 20× it lasted 15 ms, and a busy machine made it underrun once).
        var earbud = gateway.StartEarbud(new DateTimeOffset(2026, 5, 28, 0, 0, 0, TimeSpan.Zero), speed: 4, runFor: TimeSpan.FromHours(1));
        await Eventually.TrueAsync(
            () => earbud.Wakes >= 1 && earbud.WakeSources.HasFlag(WakeSources.Data) &&
                  gateway.Services.GetRequiredService<DeviceRegistry>().Find(VoiceGateway.EarbudId)?.Online == true,
            "the earbud connected and idles connected", 20000);

        var delivered = await gateway.Services.GetRequiredService<ReminderScheduler>().TickAsync();

        Assert.Equal(1, delivered);
        var stream = await spoken.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // The facts are in the sentence whoever writes it (the registered generator, or the fixed sentence).
        Assert.Contains("Dentist", stream.Text, StringComparison.Ordinal);
        Assert.Contains("7:30", stream.Text, StringComparison.Ordinal);
        Assert.Equal([VoiceGateway.EarbudId], stream.Devices);
        Assert.InRange(stream.SpeechDuration.TotalSeconds, 1.5, 8);
        var speaker = (SimulatedSpeaker)((EarbudHardware)earbud.Hardware!).Speaker;
        await Eventually.TrueAsync(() => speaker.SamplesPlayed >= stream.Samples, "the earbud played the whole reminder", 20000);
        // All of it, then at most the 4 ms fade to rest: nothing lost, no underrun on the way.
        Assert.InRange(speaker.SamplesPlayed, stream.Samples, stream.Samples + 64);
        Assert.True(earbud.DataWakes >= 1, "the downlink woke the earbud, not its 15-minute timer");
        var counters = gateway.Services.GetRequiredService<VoiceCounters>();
        Assert.Equal(stream.Chunks, counters.ChunksSent);
        Assert.Empty(counters.SynthesisFailures);
    }

    [Fact]
    public async Task Holding_the_talk_button_and_asking_gets_the_next_event_spoken_and_remembered()
    {
        var time = new FakeTimeProvider(Now);
        await using var gateway = await VoiceGateway.StartAsync(time, ("Standup", Now.AddHours(2)), ("Lunch with Ben", Now.AddHours(5)));
        var answered = new TaskCompletionSource<SpokenStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Services.GetRequiredService<VoiceAssistant>().AnsweredAsync += s =>
        {
            answered.TrySetResult(s);
            return Task.CompletedTask;
        };

        // The simulated household holds the earbud's button at 08:05 and asks "hey ambient, what's next?".
        var earbud = gateway.StartEarbud(new DateTimeOffset(2026, 5, 28, 8, 4, 50, TimeSpan.Zero), speed: 10, runFor: TimeSpan.FromMinutes(5));

        var answer = await answered.Task.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.Contains("Standup", answer.Text, StringComparison.Ordinal);
        Assert.Contains("9:20", answer.Text, StringComparison.Ordinal);
        Assert.Equal([VoiceGateway.EarbudId], answer.Devices);
        var speaker = (SimulatedSpeaker)((EarbudHardware)earbud.Hardware!).Speaker;
        await Eventually.TrueAsync(() => speaker.SamplesPlayed >= answer.Samples, "the earbud played the answer", 20000);
        var voice = gateway.Services.GetRequiredService<VoiceCounters>();
        Assert.True(voice.UplinkChunks >= 5, $"{voice.UplinkChunks} uplink chunks");
        Assert.Equal(1, voice.Utterances);
        Assert.Equal(1, voice.AnswersSpoken);
        var memory = gateway.Services.GetRequiredService<MemoryStore>().Search(null, 20);
        Assert.Contains(memory, m => m.Kind == MemoryKinds.Wake && m.Device == VoiceGateway.EarbudId &&
                                     m.Text.Contains("held the talk button", StringComparison.Ordinal) &&
                                     m.Text.Contains("answered \"", StringComparison.Ordinal) && m.Text.Contains("Standup", StringComparison.Ordinal));
    }
}
