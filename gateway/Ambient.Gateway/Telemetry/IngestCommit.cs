namespace Ambient.Gateway.Telemetry;

/// <summary>What the writer did with a batch's readings.</summary>
public readonly record struct IngestCommit(int Stored, int Duplicates, int Expired);
