namespace Ambient.Gateway.Telemetry;

/// <summary>One retention run: hourly groups (re)computed, raw rows deleted, and the cutoff used.</summary>
public readonly record struct RetentionResult(int AggregatedGroups, int DeletedReadings, DateTimeOffset Cutoff);
