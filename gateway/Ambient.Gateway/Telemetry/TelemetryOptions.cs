using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Telemetry;

/// <summary>Ingest and retention ("Telemetry" section).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Raw readings older than this are folded into hourly aggregates and deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Telemetry:RawRetention must be between 01:00:00 and 3650.00:00:00")]
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention job aggregates new readings and prunes old ones.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Telemetry:RetentionInterval must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most frames committed in one transaction by the writer (group commit).</summary>
    [Range(1, 100000, ErrorMessage = "Telemetry:MaxFramesPerCommit must be between 1 and 100000")]
    public int MaxFramesPerCommit { get; set; } = 1000;

    /// <summary>Frames waiting for the writer before publishers are made to wait (back-pressure, not loss).</summary>
    [Range(1, 1000000, ErrorMessage = "Telemetry:QueueCapacity must be between 1 and 1000000")]
    public int QueueCapacity { get; set; } = 10000;

    /// <summary>Most readings one /api/telemetry response returns.</summary>
    [Range(1, 1000000, ErrorMessage = "Telemetry:MaxApiReadings must be between 1 and 1000000")]
    public int MaxApiReadings { get; set; } = 10000;
}
