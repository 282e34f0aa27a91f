using Ambient.Gateway.Plants;

namespace Ambient.Gateway.Tests.Plants;

public sealed class WateringDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static List<TimedValue> Series(params double[] values)
        => [.. values.Select((v, i) => new TimedValue(Start.AddMinutes(15 * i), v))];

    [Fact]
    public void A_jump_of_fifteen_points_within_an_hour_is_one_watering()
    {
        var waterings = WateringDetector.Detect(Series(30, 29.8, 29.6, 46, 58, 61, 60.5), PlantTuning.Default);

        var watering = Assert.Single(waterings);
        Assert.Equal(Start.AddMinutes(45), watering.At);
        Assert.Equal(29.6, watering.BeforePercent);
        Assert.Equal(61, watering.AfterPercent); // the soak-in over the next readings extends the same watering
    }

    [Fact]
    public void A_slow_rise_and_noise_are_not_waterings()
    {
        // +14 points in one step, and +20 points spread over 3 hours.
        Assert.Empty(WateringDetector.Detect(Series(30, 44, 43), PlantTuning.Default));
        Assert.Empty(WateringDetector.Detect(Series(30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 50), PlantTuning.Default));
    }

    [Fact]
    public void Two_waterings_on_different_days_are_two_events()
    {
        var values = new List<TimedValue>();
        for (var i = 0; i < 200; i++)
        {
            // Dries 0.1 point per 15 min; watered at sample 20 and sample 150.
            var v = 30 - (0.1 * i) + (i >= 20 ? 30 : 0) + (i >= 150 ? 20 : 0);
            values.Add(new TimedValue(Start.AddMinutes(15 * i), v));
        }

        var waterings = WateringDetector.Detect(values, PlantTuning.Default);

        Assert.Equal([Start.AddMinutes(15 * 20), Start.AddMinutes(15 * 150)], waterings.Select(w => w.At));
    }

    [Fact]
    public void The_engine_reports_the_last_watering_time()
    {
        var basil = SpeciesTable.Find("basil")!;
        var moisture = Series(30, 29.8, 29.6, 60, 61, 60.5);
        var readings = new PotReadings(moisture, [], []);

        var state = PlantStateEngine.Evaluate(basil, readings, null, moisture[^1].At);

        Assert.Equal(Start.AddMinutes(45), state.LastWatered);
    }
}
