using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Memory;

/// <summary>"Memory" section: how long interactions are kept.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>Interactions older than this are deleted, once a day (a year and a season: "this time last year" still works).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Memory:Retention must be between 1 day and 3650 days")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);
}
