using Ambient.Gateway.Plants;
using Ambient.Protocol;

namespace Ambient.Gateway.Tests.Plants;

public sealed class PlantStateEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SpeciesProfile Basil = SpeciesTable.Find("basil")!; // moisture 40..75 %, lux ≥ 10,000, 16..30 °C

    /// <summary>A day of readings every 15 min: moisture constant, sunny days (peak 30,000 lx at noon), 21 °C.</summary>
    private static PotReadings Day(double moisture, double peakLux = 30_000, double temperature = 21, int hours = 30)
    {
        var m = new List<TimedValue>();
        var l = new List<TimedValue>();
        var t = new List<TimedValue>();
        for (var minute = 0; minute <= hours * 60; minute += 15)
        {
            var at = Start.AddMinutes(minute);
            var hour = at.TimeOfDay.TotalHours;
            var lux = hour is > 6 and < 20 ? peakLux * Math.Sin(Math.PI * (hour - 6) / 14) : 0;
            m.Add(new(at, moisture));
            l.Add(new(at, lux));
            t.Add(new(at, temperature));
        }

        return new PotReadings(m, l, t);
    }

    private static PotReadings WithLatestMoisture(PotReadings readings, double moisture)
    {
        var m = readings.MoisturePercent.ToList();
        m[^1] = m[^1] with { Value = moisture };
        return readings with { MoisturePercent = m };
    }

    private static DateTimeOffset End(PotReadings r) => r.MoisturePercent[^1].At;

    [Fact]
    public void A_pot_without_readings_is_unknown()
    {
        var state = PlantStateEngine.Evaluate(Basil, PotReadings.Empty, null, Start);

        Assert.Equal(PlantCondition.Unknown, state.Condition);
        Assert.Equal(PlantStateMessage.UnknownMoisture, state.ToMessage().MoisturePermille);
        Assert.Equal(PlantStateMessage.UnknownDays, state.ToMessage().DaysUntilDry);
    }

    [Fact]
    public void Readings_older_than_the_stale_limit_make_the_pot_unknown()
    {
        var readings = Day(50);

        var state = PlantStateEngine.Evaluate(Basil, readings, null, End(readings).AddHours(7));

        Assert.Equal(PlantCondition.Unknown, state.Condition);
    }

    [Fact]
    public void Moist_soil_in_a_bright_warm_room_is_ok_and_the_message_carries_permille()
    {
        var readings = Day(55.5);

        var state = PlantStateEngine.Evaluate(Basil, readings, null, End(readings));

        Assert.Equal(PlantCondition.Ok, state.Condition);
        Assert.Equal(555, state.ToMessage().MoisturePermille);
        Assert.Equal(PlantCondition.Ok, state.ToMessage().Condition);
    }

    [Theory]
    [InlineData(40.0, PlantCondition.Ok)]       // at the minimum: not below it
    [InlineData(39.9, PlantCondition.Thirsty)]  // just below: thirsty
    public void Thirsty_starts_only_below_the_species_minimum(double moisture, PlantCondition expected)
    {
        var readings = Day(moisture);

        Assert.Equal(expected, PlantStateEngine.Evaluate(Basil, readings, null, End(readings)).Condition);
    }

    [Theory]
    [InlineData(42.0, PlantCondition.Thirsty)] // above the minimum but inside the 5-point margin: still thirsty
    [InlineData(45.0, PlantCondition.Thirsty)] // exactly min + margin: still thirsty
    [InlineData(45.1, PlantCondition.Ok)]      // above min + margin: recovered
    public void A_thirsty_pot_recovers_only_above_the_minimum_plus_the_margin(double moisture, PlantCondition expected)
    {
        var dry = Day(35);
        var thirsty = PlantStateEngine.Evaluate(Basil, dry, null, End(dry));
        Assert.Equal(PlantCondition.Thirsty, thirsty.Condition);

        var next = WithLatestMoisture(dry, moisture);
        var state = PlantStateEngine.Evaluate(Basil, next, thirsty, End(next));

        Assert.Equal(expected, state.Condition);
    }

    [Fact]
    public void Soggy_has_the_same_hysteresis_below_the_maximum()
    {
        var wet = Day(80);
        var soggy = PlantStateEngine.Evaluate(Basil, wet, null, End(wet));
        Assert.Equal(PlantCondition.Soggy, soggy.Condition);

        Assert.Equal(PlantCondition.Soggy, PlantStateEngine.Evaluate(Basil, WithLatestMoisture(wet, 72), soggy, End(wet)).Condition);
        Assert.Equal(PlantCondition.Ok, PlantStateEngine.Evaluate(Basil, WithLatestMoisture(wet, 69.9), soggy, End(wet)).Condition);
    }

    [Fact]
    public void Temperature_below_the_minimum_is_too_cold_and_above_the_maximum_too_hot_with_a_one_degree_margin()
    {
        var cold = Day(55, temperature: 15.5);
        var tooCold = PlantStateEngine.Evaluate(Basil, cold, null, End(cold));
        Assert.Equal(PlantCondition.TooCold, tooCold.Condition);
        Assert.Equal(PlantCondition.TooCold, PlantStateEngine.Evaluate(Basil, Day(55, temperature: 16.8), tooCold, End(cold)).Condition);
        Assert.Equal(PlantCondition.Ok, PlantStateEngine.Evaluate(Basil, Day(55, temperature: 17.1), tooCold, End(cold)).Condition);

        var hot = Day(55, temperature: 31);
        Assert.Equal(PlantCondition.TooHot, PlantStateEngine.Evaluate(Basil, hot, null, End(hot)).Condition);
    }

    [Fact]
    public void Darkness_at_night_does_not_make_a_sunny_pot_too_dark()
    {
        // 30 h of readings ending at 06:00: the last 8 readings are night (0 lx), yesterday noon was 30,000 lx.
        var readings = Day(55);
        Assert.Equal(0, readings.Lux[^1].Value);

        var state = PlantStateEngine.Evaluate(Basil, readings, null, End(readings));

        Assert.Equal(PlantCondition.Ok, state.Condition);
        Assert.False(state.Problems.HasFlag(PlantProblems.TooDark));
    }

    [Fact]
    public void A_pot_set_up_at_night_is_not_judged_dark_before_it_has_seen_a_day()
    {
        // Only 4 hours of dark readings: not enough of a day to judge light.
        var readings = Day(55, peakLux: 0, hours: 4);

        var state = PlantStateEngine.Evaluate(Basil, readings, null, End(readings));

        Assert.Equal(PlantCondition.Ok, state.Condition);
    }

    [Fact]
    public void A_whole_day_below_the_species_minimum_light_is_too_dark()
    {
        var readings = Day(55, peakLux: 3_000); // basil wants ≥ 10,000 lx at its brightest

        var state = PlantStateEngine.Evaluate(Basil, readings, null, End(readings));

        Assert.Equal(PlantCondition.TooDark, state.Condition);
    }

    [Fact]
    public void Thirst_outranks_darkness_and_both_stay_recorded_as_problems()
    {
        var readings = Day(30, peakLux: 3_000);

        var state = PlantStateEngine.Evaluate(Basil, readings, null, End(readings));

        Assert.Equal(PlantCondition.Thirsty, state.Condition);
        Assert.Equal(PlantProblems.Thirsty | PlantProblems.TooDark, state.Problems);
    }

    [Fact]
    public void Missing_temperature_keeps_a_previous_too_cold_verdict()
    {
        var cold = Day(55, temperature: 10);
        var tooCold = PlantStateEngine.Evaluate(Basil, cold, null, End(cold));
        var withoutTemperature = cold with { TemperatureCelsius = [] };

        var state = PlantStateEngine.Evaluate(Basil, withoutTemperature, tooCold, End(cold));

        Assert.Equal(PlantCondition.TooCold, state.Condition);
    }
}
