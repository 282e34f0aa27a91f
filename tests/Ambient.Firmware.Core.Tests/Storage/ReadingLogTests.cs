using Ambient.Firmware.Simulator.Hardware;
using Ambient.Firmware.Storage;
using Ambient.Protocol;

namespace Ambient.Firmware.Core.Tests.Storage;

public sealed class ReadingLogTests
{
    [Fact]
    public void Samples_survive_a_reboot_in_order_until_acknowledged()
    {
        var flash = new SimulatedFlash();
        var log = new ReadingLog(flash);
        for (uint s = 1; s <= 10; s++)
        {
            log.Append(Sample(7, s));
        }

        log.Acknowledge(ReadAll(log)[3]);
        var reopened = new ReadingLog(flash);

        Assert.Equal([5u, 6, 7, 8, 9, 10], ReadAll(reopened).Select(r => r.Sequence));
        Assert.Equal(6, reopened.PendingCount);
        Assert.Equal(11u, reopened.NextSequence(7));
        Assert.Equal(1u, reopened.NextSequence(8));
        var first = ReadAll(reopened)[0];
        Assert.Equal((SensorKind.SoilMoisturePermille, 405), (first.Kinds[0], first.Values[0]));
        Assert.Equal((SensorKind.TemperatureCentiCelsius, -1250), (first.Kinds[3], first.Values[3]));
    }

    [Fact]
    public void A_month_of_hourly_uploads_wraps_the_log_and_wears_every_sector_evenly()
    {
        var flash = new SimulatedFlash();
        uint sequence = 1;
        for (var hour = 0; hour < 24 * 30; hour++)
        {
            var log = new ReadingLog(flash);
            for (var i = 0; i < 4; i++)
            {
                log.Append(Sample(1, sequence++));
            }

            var pending = ReadAll(log);
            Assert.Equal(4, pending.Count);
            Assert.Equal(sequence - 4, pending[0].Sequence);
            log.Acknowledge(pending[^1]);
            Assert.Equal(0, log.Dropped);
        }

        Assert.Equal(0, new ReadingLog(flash).PendingCount);
        Assert.True(flash.EraseCounts.Max() - flash.EraseCounts.Min() <= 1, string.Join(",", flash.EraseCounts));
        Assert.True(flash.EraseCounts.Min() >= 5, string.Join(",", flash.EraseCounts));
    }

    [Fact]
    public void Without_the_gateway_it_keeps_more_than_a_day_of_samples_then_drops_the_oldest_and_says_so()
    {
        var flash = new SimulatedFlash();
        var log = new ReadingLog(flash);
        for (uint s = 1; s <= 96; s++)
        {
            log.Append(Sample(1, s, readings: 6));
        }

        Assert.Equal(96, log.PendingCount);
        Assert.Equal(0, log.Dropped);
        for (uint s = 97; s <= 1000; s++)
        {
            log.Append(Sample(1, s, readings: 6));
        }

        Assert.True(log.Dropped > 0);
        Assert.Equal(1000 - log.Dropped, log.PendingCount);
        var pending = ReadAll(log);
        Assert.Equal(1000u, pending[^1].Sequence);
        Assert.Equal(Enumerable.Range(1001 - pending.Count, pending.Count).Select(i => (uint)i), pending.Select(p => p.Sequence));
    }

    [Fact]
    public void A_power_cut_at_any_flash_operation_loses_nothing_written_and_doubles_nothing()
    {
        for (var cut = 0; cut < 120; cut++)
        {
            var flash = new SimulatedFlash(sectorSize: 512, sectorCount: 3);
            var written = new List<uint>();
            var acknowledged = 0u;
            uint sequence = 1;
            flash.CutPowerDuring(cut);
            try
            {
                for (var round = 0; round < 30; round++)
                {
                    var log = new ReadingLog(flash);
                    log.Append(Sample(1, sequence));
                    written.Add(sequence++);
                    if (round % 3 == 2)
                    {
                        var pending = ReadAll(log);
                        log.Acknowledge(pending[^1]);
                        acknowledged = pending[^1].Sequence;
                    }
                }
            }
            catch (PowerCutException)
            {
                // The torn operation: the sample being appended (if any) was never confirmed as stored.
            }

            flash.CutPowerDuring(-1);
            var recovered = new ReadingLog(flash);
            var left = ReadAll(recovered).Select(r => r.Sequence).ToList();
            var expected = written.Where(s => s > acknowledged).ToList();
            Assert.True(left.SequenceEqual(expected), $"cut at {cut}: expected {string.Join(",", expected)} got {string.Join(",", left)}");
            Assert.Equal(left.Count, left.Distinct().Count());

            // And the log keeps working after the cut.
            recovered.Append(Sample(2, 1));
            Assert.Equal(2, new ReadingLog(flash).LastBootId);
        }
    }

    private static SampleRecord Sample(ushort boot, uint sequence, int readings = 4)
    {
        var sample = new SampleRecord { BootId = boot, Sequence = sequence, Timestamp = 1_796_112_000 + (sequence * 900) };
        var kinds = new[]
        {
            SensorKind.SoilMoisturePermille, SensorKind.SoilRaw, SensorKind.IlluminanceLux, SensorKind.TemperatureCentiCelsius,
            SensorKind.HumidityPermille, SensorKind.BatteryMillivolts,
        };
        var values = new[] { 400 + (int)(sequence % 100), 2100, 850, -1250, 470, 2950 };
        for (var i = 0; i < readings; i++)
        {
            sample.Add(kinds[i], values[i]);
        }

        return sample;
    }

    private static List<SampleRecord> ReadAll(ReadingLog log)
    {
        var all = new List<SampleRecord>();
        var batch = Enumerable.Range(0, 16).Select(_ => new SampleRecord()).ToArray();
        long after = -1;
        while (true)
        {
            var count = log.ReadPending(batch);
            var fresh = batch.Take(count).Where(s => s.Position > after).ToList();
            if (fresh.Count == 0)
            {
                return all;
            }

            foreach (var sample in fresh)
            {
                var copy = new SampleRecord();
                copy.CopyFrom(sample);
                all.Add(copy);
            }

            if (count < batch.Length)
            {
                return all;
            }

            after = fresh[^1].Position;
            return all.Count < log.PendingCount ? ReadAllSlow(log) : all;
        }
    }

    // ReadPending always starts at the oldest unacknowledged sample; to see everything, read with a big buffer.
    private static List<SampleRecord> ReadAllSlow(ReadingLog log)
    {
        var batch = Enumerable.Range(0, 2048).Select(_ => new SampleRecord()).ToArray();
        var count = log.ReadPending(batch);
        return [.. batch.Take(count)];
    }
}
