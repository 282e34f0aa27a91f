using Ambient.Protocol;

namespace Ambient.Gateway.Plants;

/// <summary>
/// Pure: a pot's recent readings (+ its previous state, the hysteresis memory) → its state. No clock, no I/O.
/// </summary>
public static class PlantStateEngine
{
    /// <summary>Rows in display priority: the first active problem is the one the planter shows.</summary>
    private static readonly ProblemRule[] Rules =
    [
        new(PlantProblems.Thirsty, PlantCondition.Thirsty,
            i => Below(i.MoisturePercent, i.Species.MoisturePercent.Min),
            i => !Above(i.MoisturePercent, i.Species.MoisturePercent.Min + i.Tuning.MoistureMarginPoints)),
        new(PlantProblems.TooCold, PlantCondition.TooCold,
            i => Below(i.TemperatureCelsius, i.Species.TemperatureCelsius.Min),
            i => !Above(i.TemperatureCelsius, i.Species.TemperatureCelsius.Min + i.Tuning.TemperatureMarginCelsius)),
        new(PlantProblems.TooHot, PlantCondition.TooHot,
            i => Above(i.TemperatureCelsius, i.Species.TemperatureCelsius.Max),
            i => !Below(i.TemperatureCelsius, i.Species.TemperatureCelsius.Max - i.Tuning.TemperatureMarginCelsius)),
        new(PlantProblems.Soggy, PlantCondition.Soggy,
            i => Above(i.MoisturePercent, i.Species.MoisturePercent.Max),
            i => !Below(i.MoisturePercent, i.Species.MoisturePercent.Max - i.Tuning.MoistureMarginPoints)),
        new(PlantProblems.TooDark, PlantCondition.TooDark,
            i => Below(i.DailyMaxLux, i.Species.Lux.Min),
            i => !Above(i.DailyMaxLux, i.Species.Lux.Min * (1 + i.Tuning.LightMarginFraction))),
    ];

    public static PlantState Evaluate(
        SpeciesProfile species,
        PotReadings readings,
        PlantState? previous,
        DateTimeOffset now,
        PlantTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(readings);
        tuning ??= PlantTuning.Default;

        var moisture = Latest(readings.MoisturePercent, now, tuning);
        var temperature = Latest(readings.TemperatureCelsius, now, tuning);
        var dailyLux = DailyMaxLux(readings.Lux, now, tuning);
        var waterings = WateringDetector.Detect(readings.MoisturePercent, tuning);
        var lastWatered = waterings.Count > 0 ? waterings[^1].At : previous?.LastWatered;

        if (moisture is null && temperature is null && !HasFresh(readings.Lux, now, tuning))
        {
            return PlantState.Unknown(now) with { LastWatered = lastWatered };
        }

        var inputs = new PlantInputs(species, tuning, moisture, dailyLux, temperature);
        var was = previous?.Problems ?? PlantProblems.None;
        var problems = PlantProblems.None;
        foreach (var rule in Rules)
        {
            var active = was.HasFlag(rule.Problem)
                ? rule.Stays(inputs) ?? true
                : rule.Enters(inputs) ?? false;
            if (active)
            {
                problems |= rule.Problem;
            }
        }

        var condition = Rules.FirstOrDefault(r => problems.HasFlag(r.Problem))?.Condition ?? PlantCondition.Ok;
        var days = moisture is null ? null : DaysUntilDry(readings.MoisturePercent, lastWatered, now, species, tuning);
        return new PlantState(condition, problems, moisture, days, lastWatered, now);
    }

    /// <summary>The drying prediction over the samples since the last watering settled (and within the fit window).</summary>
    public static double? DaysUntilDry(
        IReadOnlyList<TimedValue> moisture,
        DateTimeOffset? lastWatered,
        DateTimeOffset now,
        SpeciesProfile species,
        PlantTuning tuning)
    {
        ArgumentNullException.ThrowIfNull(moisture);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(tuning);
        var since = now - tuning.DryingFitWindow;
        if (lastWatered is { } watered && watered + tuning.SettleAfterWatering > since)
        {
            since = watered + tuning.SettleAfterWatering;
        }

        var points = moisture.Where(p => p.At >= since && p.At <= now).ToList();
        if (points.Count < tuning.MinimumFitSamples || points[^1].At - points[0].At < tuning.MinimumFitSpan)
        {
            return null;
        }

        return DryingFit.DaysUntil(points, now, species.MoisturePercent.Min, tuning.MinimumDryingRatePointsPerDay);
    }

    // Comparisons that stay unknown when the value is unknown (C#'s lifted operators would say false).
    private static bool? Below(double? value, double limit) => value is { } v ? v < limit : null;

    private static bool? Above(double? value, double limit) => value is { } v ? v > limit : null;

    private static double? Latest(IReadOnlyList<TimedValue> values, DateTimeOffset now, PlantTuning tuning)
        => HasFresh(values, now, tuning) ? values[^1].Value : null;

    private static bool HasFresh(IReadOnlyList<TimedValue> values, DateTimeOffset now, PlantTuning tuning)
        => values.Count > 0 && now - values[^1].At <= tuning.StaleAfter;

    /// <summary>
    /// The brightest reading of the trailing day, or null until the readings cover most of a day: a pot set up at
    /// night has only dark readings, which say nothing about its daylight.
    /// </summary>
    private static double? DailyMaxLux(IReadOnlyList<TimedValue> lux, DateTimeOffset now, PlantTuning tuning)
    {
        if (!HasFresh(lux, now, tuning))
        {
            return null;
        }

        var from = now - tuning.LightWindow;
        var window = lux.Where(p => p.At > from && p.At <= now).ToList();
        if (window.Count == 0 || window[0].At > now - tuning.LightCoverage)
        {
            return null;
        }

        return window.Max(p => p.Value);
    }
}
