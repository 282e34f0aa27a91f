using Ambient.Firmware.Audio;
using Ambient.Firmware.Device;
using Ambient.Firmware.Simulator.Energy;
using Ambient.Firmware.Simulator.Hardware;
using Ambient.Firmware.Simulator.Household;
using Ambient.Firmware.Simulator.Tests.Support;
using Ambient.Firmware.Storage;
using Ambient.Protocol;
using Xunit.Abstractions;

namespace Ambient.Firmware.Simulator.Tests.Household;

/// <summary>The simulator's promise: a day of a household against a real broker, with every reading accounted for.</summary>
public sealed class HouseholdRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_day_of_a_household_delivers_every_stored_reading_once_despite_an_outage()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var collector = await TelemetryCollector.StartAsync(broker.Port);
        var household = HouseholdFile.Load(Path.Combine(AppContext.BaseDirectory, "household.json"));
        var day = new HouseholdFile
        {
            Start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            Devices = household.Devices,
            Outages = [new OutageEntry { From = TimeSpan.FromHours(13), To = TimeSpan.FromHours(15.5) }],
        };
        using var run = new SimulatedHousehold(day, "127.0.0.1", broker.Port, speed: 0);

        await run.RunAsync(TimeSpan.FromHours(24));
        await collector.SettleAsync();

        Assert.Empty(collector.Rejected);
        foreach (var device in run.Devices.Where(d => d.Kind == DeviceKindName.Planter))
        {
            // 96 wakes in 24 h at 15-minute sampling. Every sample that reached flash is either at the gateway or
            // still waiting in flash for the next 2-hourly upload — never both, never neither.
            Assert.InRange(device.Wakes, 96, 98);
            var received = collector.Samples.Keys.Where(k => k.Device == device.Id).Select(k => (k.Boot, k.Sequence)).ToHashSet();
            var waiting = PendingIn(device.Flash);
            Assert.Equal(device.Stored.Count, device.Wakes);
            Assert.True(device.Stored.SetEquals(received.Union(waiting)), $"{device.Id}: stored and (received + waiting) differ");
            Assert.Empty(received.Intersect(waiting));
            Assert.InRange(waiting.Count, 0, 8);
        }

        Assert.All(collector.Samples, s => Assert.Equal(1, s.Value));

        // The magnet: room samples arrive too, presence is reported, and the morning greeting reaches its panel.
        var magnet = run.Devices.Single(d => d.Kind == DeviceKindName.FridgeMagnet);
        var magnetReceived = collector.Samples.Keys.Where(k => k.Device == magnet.Id).Select(k => (k.Boot, k.Sequence)).ToHashSet();
        Assert.True(magnet.Stored.SetEquals(magnetReceived.Union(PendingIn(magnet.Flash))));
        var magnetEvents = collector.Frames.Where(f => f.Device == magnet.Id).Select(f => f.Message).OfType<EventMessage>().ToList();
        Assert.Contains(magnetEvents, e => e.Kind == EventKind.Presence);
        Assert.Contains(magnetEvents, e => e.Kind == EventKind.GreetingRequest);
        var panel = ((MagnetHardware)magnet.Hardware!).Display as SimulatedDisplay;
        Assert.NotNull(panel);
        Assert.Contains(panel.Shown, line => line.Text.Contains("Good morning, Ana.", StringComparison.Ordinal));

        // The earbud: held to talk, the gate let the speech through as one ADPCM stream, and the answer played.
        var earbud = run.Devices.Single(d => d.Kind == DeviceKindName.Earbud);
        var earbudFrames = collector.Frames.Where(f => f.Device == earbud.Id).Select(f => f.Message).ToList();
        var spoken = earbudFrames.OfType<AudioChunkMessage>().OrderBy(c => c.Index).ToList();
        Assert.NotEmpty(spoken);
        Assert.True(spoken[^1].AudioFlags.HasFlag(AudioFlags.Final));
        Assert.Equal(Enumerable.Range(0, spoken.Count).Select(i => (ushort)i), spoken.Select(c => c.Index));
        var spokenSamples = spoken.Sum(c => Protocol.Audio.ImaAdpcm.SampleCount(c.Data.Length));
        Assert.InRange(spokenSamples, 16000, 16000 * 3); // 1.5 s of speech, its pre-roll and hangover
        Assert.Contains(earbudFrames.OfType<EventMessage>(), e => e.Kind == EventKind.Wake);
        Assert.Contains(earbudFrames.OfType<EventMessage>(), e => e.Kind == EventKind.Button);
        var speaker = (SimulatedSpeaker)((EarbudHardware)earbud.Hardware!).Speaker;
        // All of it and the 4 ms fade to rest at its end: no underrun on the way (each would add another fade).
        Assert.Equal(TelemetryCollector.SpeechSamples + JitterBuffer.FadeSamples, speaker.SamplesPlayed);
        Assert.True(speaker.LargestStep < 4000, $"a click: the speaker jumped by {speaker.LargestStep}");

        // The energy estimate comes from the apps' own power trace: 2×AA must last 18 months at 15-minute sampling.
        output.WriteLine(EnergyReport.Format(run, TimeSpan.FromSeconds(1)));
        foreach (var planter in run.Devices.Where(d => d.Kind == DeviceKindName.Planter))
        {
            var milliampHoursPerDay = planter.Energy.MilliampHours;
            var months = planter.Energy.Profile.BatteryMilliampHours / milliampHoursPerDay / 30.4;
            Assert.True(months >= 18, $"{planter.Id}: {milliampHoursPerDay:F2} mAh/day lasts {months:F1} months");
        }
    }

    private static HashSet<(ushort Boot, uint Sequence)> PendingIn(SimulatedFlash flash)
    {
        var buffer = Enumerable.Range(0, 4096).Select(_ => new SampleRecord()).ToArray();
        var count = new ReadingLog(flash).ReadPending(buffer);
        return [.. buffer.Take(count).Select(s => (s.BootId, s.Sequence))];
    }
}
