namespace Ambient.Gateway.Dashboard;

/// <summary>
/// The plant page's ranges. Up to a day the raw samples are shown; longer ranges use hourly means (the retention
/// job's aggregates, plus the recent hours it has not aggregated yet), so a 30-day chart is ~720 points per series
/// rather than thousands, and raw rows older than the raw retention are still charted.
/// </summary>
public sealed record ChartRange(string Name, TimeSpan Span, bool Hourly)
{
    public static IReadOnlyList<ChartRange> All { get; } =
    [
        new("24h", TimeSpan.FromDays(1), Hourly: false),
        new("7d", TimeSpan.FromDays(7), Hourly: true),
        new("30d", TimeSpan.FromDays(30), Hourly: true),
    ];

    public static ChartRange? Find(string? name) => All.FirstOrDefault(r => string.Equals(r.Name, name ?? "24h", StringComparison.OrdinalIgnoreCase));
}
