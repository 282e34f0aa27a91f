using Xunit.Abstractions;
using Ambient.Firmware.Device;
using Ambient.Firmware.Simulator.Energy;
using Ambient.Firmware.Simulator.Hardware;
using Ambient.Protocol;
using Ambient.Firmware.Simulator.Household;
using Ambient.Firmware.Simulator.Tests.Support;

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
            Devices = [.. household.Devices.Where(d => d.Kind != DeviceKindName.Earbud)],
            Outages = [new OutageEntry { From = TimeSpan.FromHours(13), To = TimeSpan.FromHours(15.5) }],
        };
        using var run = new SimulatedHousehold(day, "127.0.0.1", broker.Port, speed: 0);

        await run.RunAsync(TimeSpan.FromHours(24));
        await collector.SettleAsync();

        Assert.Empty(collector.Rejected);
        foreach (var device in run.Devices.Where(d => d.Kind == DeviceKindName.Planter))
        {
            var received = collector.Samples.Keys.Where(k => k.Device == device.Id).Select(k => (k.Boot, k.Sequence)).ToHashSet();
            // 96 wakes in 24 h at 15-minute sampling; the last hour's samples wait in flash for the next upload.
            Assert.InRange(device.Wakes, 96, 98);
            Assert.True(device.Stored.Count >= 96, $"{device.Id} stored {device.Stored.Count}");
            var unsent = device.Stored.Except(received).ToList();
            Assert.True(unsent.Count <= 4, $"{device.Id}: {unsent.Count} stored samples never arrived");
            Assert.Subset(device.Stored, received);
        }

        Assert.All(collector.Samples, s => Assert.Equal(1, s.Value));

        // The magnet: room samples arrive too, presence is reported, and the morning greeting reaches its panel.
        var magnet = run.Devices.Single(d => d.Kind == DeviceKindName.FridgeMagnet);
        var magnetReceived = collector.Samples.Keys.Where(k => k.Device == magnet.Id).Select(k => (k.Boot, k.Sequence)).ToHashSet();
        Assert.Subset(magnetReceived, magnet.Stored.Except(magnet.Stored.OrderByDescending(s => s.Sequence).Take(4)).ToHashSet());
        Assert.Subset(magnet.Stored, magnetReceived);
        var magnetEvents = collector.Frames.Where(f => f.Device == magnet.Id).Select(f => f.Message).OfType<EventMessage>().ToList();
        Assert.Contains(magnetEvents, e => e.Kind == EventKind.Presence);
        Assert.Contains(magnetEvents, e => e.Kind == EventKind.GreetingRequest);
        var panel = ((MagnetHardware)magnet.Hardware!).Display as SimulatedDisplay;
        Assert.NotNull(panel);
        Assert.Contains(panel.Shown, line => line.Text.Contains("Good morning, Ana.", StringComparison.Ordinal));

        // The energy estimate comes from the apps' own power trace: 2×AA must last 18 months at 15-minute sampling.
        output.WriteLine(EnergyReport.Format(run, TimeSpan.FromSeconds(1)));
        foreach (var planter in run.Devices.Where(d => d.Kind == DeviceKindName.Planter))
        {
            var milliampHoursPerDay = planter.Energy.MilliampHours;
            var months = planter.Energy.Profile.BatteryMilliampHours / milliampHoursPerDay / 30.4;
            Assert.True(months >= 18, $"{planter.Id}: {milliampHoursPerDay:F2} mAh/day lasts {months:F1} months");
        }
    }
}
