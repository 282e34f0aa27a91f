using Ambient.Firmware.Hal;
using Ambient.Firmware.Storage;
using Ambient.Protocol;

namespace Ambient.Firmware.Core.Tests.Apps;

public sealed class PlanterAppTests
{
    [Fact]
    public void It_measures_every_wake_and_sends_every_two_hours_in_one_batch()
    {
        var rig = new PlanterRig();

        rig.Wake(WakeCause.PowerOn);
        Assert.Equal(1, rig.Link.Connects);
        for (var i = 0; i < 7; i++)
        {
            rig.Wake(WakeCause.Timer);
        }

        Assert.Equal(1, rig.Link.Connects);
        Assert.Equal(7, new ReadingLog(rig.Flash).PendingCount);
        rig.Wake(WakeCause.Timer);

        Assert.Equal(2, rig.Link.Connects);
        var batches = rig.Link.Sent<TelemetryMessage>().ToList();
        Assert.Equal([1, 8], batches.Select(b => b.SampleOffsets.Length));
        Assert.Equal([1u, 2u], batches.Select(b => b.Sequence));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (uint)(i * 900)), batches[1].SampleOffsets.Select(o => (uint)Math.Round(o / 900.0) * 900));
        Assert.All(batches[1].Readings, r => Assert.Contains(r.Kind, new[]
        {
            SensorKind.SoilMoisturePermille, SensorKind.SoilRaw, SensorKind.TemperatureCentiCelsius,
            SensorKind.HumidityPermille, SensorKind.IlluminanceLux, SensorKind.BatteryMillivolts,
        }));
        Assert.Equal(0, new ReadingLog(rig.Flash).PendingCount);
        Assert.Single(rig.Link.Sent<HelloMessage>(), h => h.ResetReason == ResetReason.PowerOn);
    }

    [Fact]
    public void Without_wifi_it_gives_up_within_its_budget_keeps_the_readings_and_backs_off()
    {
        var rig = new PlanterRig(networkUp: false);

        var start = rig.Time.Now;
        var sleep = rig.Wake(WakeCause.PowerOn);
        var awake = rig.Time.Now - start - TimeSpan.FromSeconds(sleep.Seconds);

        Assert.InRange(awake, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
        Assert.Contains(rig.Lines, l => l.Contains("gave up", StringComparison.Ordinal));
        Assert.Equal(1, new ReadingLog(rig.Flash).PendingCount);

        // Two-hourly attempts now come every 4 h: after 2 h of wakes there is no attempt.
        var attempts = rig.Lines.Count;
        for (var i = 0; i < 8; i++)
        {
            rig.Wake(WakeCause.Timer);
        }

        Assert.Equal(attempts, rig.Lines.Count);
        Assert.Equal(0, rig.Link.Connects);
        rig.NetworkUp = true;
        for (var i = 0; i < 8; i++)
        {
            rig.Wake(WakeCause.Timer);
        }

        Assert.Equal(17, rig.Link.Sent<TelemetryMessage>().Sum(t => t.SampleOffsets.Length));
        Assert.Equal(0, new ReadingLog(rig.Flash).PendingCount);
    }

    [Fact]
    public void Readings_before_the_clock_is_set_are_sent_on_the_wall_clock_once_it_is()
    {
        var rig = new PlanterRig(networkUp: false);
        rig.Wake(WakeCause.PowerOn);
        rig.Wake(WakeCause.Timer);
        rig.NetworkUp = true;
        for (var i = 0; i < 24 && !rig.Link.Sent<TelemetryMessage>().Any(); i++)
        {
            rig.Wake(WakeCause.Timer);
        }

        var batch = rig.Link.Sent<TelemetryMessage>().First();
        Assert.False(batch.Flags.HasFlag(FrameFlags.TimeUnsynced));
        var first = DateTimeOffset.FromUnixTimeSeconds(batch.TimestampOf(0));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), first, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void A_moisture_drop_below_the_alert_level_is_sent_at_once()
    {
        var rig = new PlanterRig();
        rig.Wake(WakeCause.PowerOn);
        rig.Settings.WriteInt("moisture.alert", 900);

        rig.Wake(WakeCause.Timer);

        Assert.Equal(2, rig.Link.Connects);
        rig.Wake(WakeCause.Timer);
        Assert.Equal(2, rig.Link.Connects);
    }

    [Fact]
    public void The_gateways_plant_state_lights_the_indicator_and_config_changes_the_interval()
    {
        var rig = new PlanterRig();
        rig.Link.Queue("kitchen-basil", Channel.Plant, new PlantStateMessage { Sequence = 5, Condition = PlantCondition.Thirsty, MoisturePermille = 180, DaysUntilDry = 0 });
        rig.Link.Queue("kitchen-basil", Channel.Config, new ConfigMessage { Sequence = 6, Entries = [new ConfigEntry(ConfigKey.SampleIntervalSeconds, 600)] });

        var sleep = rig.Wake(WakeCause.PowerOn);
        var next = rig.Wake(WakeCause.Timer);

        Assert.Equal(PlantCondition.Thirsty, rig.Showing);
        Assert.InRange(sleep.Seconds, 580, 600); // applied in the wake that received it
        Assert.InRange(next.Seconds, 580, 600);
        var acks = rig.Link.Sent<AckMessage>().ToList();
        Assert.Contains(acks, a => a.AckedType == MessageType.PlantState && a.AckedSequence == 5 && a.Status == AckStatus.Applied);
        Assert.Contains(acks, a => a.AckedType == MessageType.Config && a.AckedSequence == 6 && a.Status == AckStatus.Applied);
    }
}
