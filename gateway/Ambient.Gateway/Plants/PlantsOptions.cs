namespace Ambient.Gateway.Plants;

/// <summary>The "Plants" section: the pots to seed into the database, and how much history the engine keeps.</summary>
public sealed class PlantsOptions
{
    public const string Section = "Plants";

    /// <summary>Pots written to the database at start (upserted by device id; the database is the source of truth).</summary>
    public IList<PotOptions> Pots { get; } = [];

    /// <summary>Readings kept in memory per pot: the drying fit needs 3 days, waterings a little before that.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromDays(4);

    /// <summary>How often every pot is re-judged without new readings (so a silent pot becomes Unknown).</summary>
    public TimeSpan ReevaluateEvery { get; set; } = TimeSpan.FromMinutes(15);
}
