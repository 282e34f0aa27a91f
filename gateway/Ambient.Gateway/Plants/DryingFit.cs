namespace Ambient.Gateway.Plants;

/// <summary>
/// "Dry in N days" from the drying rate. Theil–Sen (median of pairwise slopes) rather than least squares, because
/// a capacitive probe has outliers (a bumped pot, a splash) that would tilt an ordinary fit; it tolerates up to
/// ~29 % bad points.
/// </summary>
public static class DryingFit
{
    private const int MaxPoints = 200;

    /// <summary>Moisture slope in points per day and the fitted value at <paramref name="now"/>, or null when too few points.</summary>
    public static (double SlopePerDay, double ValueNow)? Fit(IReadOnlyList<TimedValue> points, DateTimeOffset now)
    {
        if (points.Count < 2)
        {
            return null;
        }

        // Pairwise slopes are O(n²); an even subsample keeps a 3-day, 1-minute history cheap without biasing it.
        var step = Math.Max(1, (points.Count + MaxPoints - 1) / MaxPoints);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < points.Count; i += step)
        {
            xs.Add((points[i].At - now).TotalDays);
            ys.Add(points[i].Value);
        }

        var slopes = new List<double>(xs.Count * (xs.Count - 1) / 2);
        for (var i = 0; i < xs.Count; i++)
        {
            for (var j = i + 1; j < xs.Count; j++)
            {
                var dx = xs[j] - xs[i];
                if (Math.Abs(dx) > 1e-9)
                {
                    slopes.Add((ys[j] - ys[i]) / dx);
                }
            }
        }

        if (slopes.Count == 0)
        {
            return null;
        }

        var slope = Median(slopes);
        var intercepts = new List<double>(xs.Count);
        for (var i = 0; i < xs.Count; i++)
        {
            intercepts.Add(ys[i] - (slope * xs[i]));
        }

        return (slope, Median(intercepts));
    }

    /// <summary>
    /// Days until the fitted moisture reaches <paramref name="dryPercent"/>: 0 when already there, null when the fit
    /// is unknown or the soil is not drying.
    /// </summary>
    public static double? DaysUntil(IReadOnlyList<TimedValue> points, DateTimeOffset now, double dryPercent, double minimumRatePerDay)
    {
        if (Fit(points, now) is not { } fit || fit.SlopePerDay > -minimumRatePerDay)
        {
            return null;
        }

        return fit.ValueNow <= dryPercent ? 0 : (fit.ValueNow - dryPercent) / -fit.SlopePerDay;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
