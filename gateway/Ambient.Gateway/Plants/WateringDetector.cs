namespace Ambient.Gateway.Plants;

/// <summary>
/// Finds waterings in a moisture history: a rise of at least the jump within the window (soil never wets that fast
/// on its own, while drying is slow). Rises within the window after a detected watering extend that watering
/// instead of counting again, because water soaks in over several readings.
/// </summary>
public static class WateringDetector
{
    public static IReadOnlyList<WateringEvent> Detect(IReadOnlyList<TimedValue> moisture, PlantTuning tuning)
    {
        ArgumentNullException.ThrowIfNull(moisture);
        ArgumentNullException.ThrowIfNull(tuning);
        var events = new List<WateringEvent>();
        var windowStart = 0;
        for (var i = 1; i < moisture.Count; i++)
        {
            var sample = moisture[i];
            if (events.Count > 0 && sample.At - events[^1].At <= tuning.WateringWindow)
            {
                if (sample.Value > events[^1].AfterPercent)
                {
                    events[^1] = events[^1] with { AfterPercent = sample.Value };
                }

                windowStart = i;
                continue;
            }

            while (moisture[windowStart].At < sample.At - tuning.WateringWindow)
            {
                windowStart++;
            }

            var lowest = double.MaxValue;
            for (var j = windowStart; j < i; j++)
            {
                lowest = Math.Min(lowest, moisture[j].Value);
            }

            if (lowest != double.MaxValue && sample.Value - lowest >= tuning.WateringJumpPoints)
            {
                events.Add(new WateringEvent(sample.At, lowest, sample.Value));
                windowStart = i;
            }
        }

        return events;
    }
}
