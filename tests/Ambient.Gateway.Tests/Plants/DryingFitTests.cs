using Ambient.Gateway.Plants;

namespace Ambient.Gateway.Tests.Plants;

public sealed class DryingFitTests
{
    private static readonly DateTimeOffset Watered = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly SpeciesProfile Basil = SpeciesTable.Find("basil")!; // dry threshold 40 %

    /// <summary>Watered to 70 % at <see cref="Watered"/>, then drying at <paramref name="pointsPerDay"/>, sampled every 15 min.</summary>
    private static List<TimedValue> Drying(double pointsPerDay, TimeSpan duration, double noise = 0, int outlierEvery = 0)
    {
        var random = new Random(42);
        var values = new List<TimedValue> { new(Watered.AddMinutes(-15), 35) };
        for (var t = TimeSpan.Zero; t <= duration; t += TimeSpan.FromMinutes(15))
        {
            var value = 70 - (pointsPerDay * t.TotalDays) + ((random.NextDouble() - 0.5) * 2 * noise);
            var index = values.Count;
            if (outlierEvery > 0 && index % outlierEvery == 0)
            {
                value += 25; // a splash or a bumped probe
            }

            values.Add(new TimedValue(Watered + t, value));
        }

        return values;
    }

    [Theory]
    [InlineData(10.0, 2.0, 1.0)]  // 70 → 50 after 2 days at 10/day: 10 points left → 1 day
    [InlineData(5.0, 1.5, 4.5)]   // 70 → 62.5 after 1.5 days at 5/day: 22.5 points left → 4.5 days
    [InlineData(3.0, 3.0, 7.0)]   // 70 → 61 after 3 days at 3/day: 21 points left → 7 days
    public void Days_until_dry_follows_a_linear_drying_curve(double pointsPerDay, double daysSinceWatering, double expectedDays)
    {
        var moisture = Drying(pointsPerDay, TimeSpan.FromDays(daysSinceWatering));
        var now = moisture[^1].At;

        var days = PlantStateEngine.DaysUntilDry(moisture, Watered, now, Basil, PlantTuning.Default);

        Assert.NotNull(days);
        Assert.InRange(days.Value, expectedDays - 0.05, expectedDays + 0.05);
    }

    [Fact]
    public void Noise_and_outliers_move_the_prediction_by_less_than_a_quarter_day()
    {
        var moisture = Drying(5, TimeSpan.FromDays(1.5), noise: 1.5, outlierEvery: 9);
        var now = moisture[^1].At;

        var days = PlantStateEngine.DaysUntilDry(moisture, Watered, now, Basil, PlantTuning.Default);

        Assert.NotNull(days);
        Assert.InRange(days.Value, 4.25, 4.75);
    }

    [Fact]
    public void A_drying_pot_reports_whole_days_in_the_message()
    {
        var moisture = Drying(5, TimeSpan.FromDays(1.5));
        var readings = new PotReadings(moisture, [], []);

        var state = PlantStateEngine.Evaluate(Basil, readings, null, moisture[^1].At);

        Assert.Equal(4, state.ToMessage().DaysUntilDry); // 4.5 days → 4 whole days
        Assert.Equal(Watered, state.LastWatered);
    }

    [Fact]
    public void Rising_or_flat_moisture_gives_no_prediction()
    {
        var rising = Drying(-2, TimeSpan.FromDays(1));
        var flat = Drying(0, TimeSpan.FromDays(1));

        Assert.Null(PlantStateEngine.DaysUntilDry(rising, Watered, rising[^1].At, Basil, PlantTuning.Default));
        Assert.Null(PlantStateEngine.DaysUntilDry(flat, Watered, flat[^1].At, Basil, PlantTuning.Default));
    }

    [Fact]
    public void Too_little_history_since_the_watering_gives_no_prediction()
    {
        var moisture = Drying(5, TimeSpan.FromHours(6));

        Assert.Null(PlantStateEngine.DaysUntilDry(moisture, Watered, moisture[^1].At, Basil, PlantTuning.Default));
    }

    [Fact]
    public void Soil_already_below_the_threshold_is_dry_in_zero_days()
    {
        var moisture = Drying(20, TimeSpan.FromDays(2)); // 70 − 40 = 30 % < 40 %

        Assert.Equal(0, PlantStateEngine.DaysUntilDry(moisture, Watered, moisture[^1].At, Basil, PlantTuning.Default));
    }
}
