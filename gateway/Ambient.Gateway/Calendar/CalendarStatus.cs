namespace Ambient.Gateway.Calendar;

/// <summary>The health of one calendar: when it was last loaded, how often loading failed and why.</summary>
public sealed record CalendarStatus(string Name, bool Loaded, DateTimeOffset? LoadedAt, int Errors, string? LastError);
