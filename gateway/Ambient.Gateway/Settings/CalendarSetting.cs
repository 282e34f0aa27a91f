namespace Ambient.Gateway.Settings;

/// <summary>
/// One calendar in the settings form: a name, an .ics URL or a file path (whichever <see cref="Source"/> looks
/// like), and whose calendar it is.
/// </summary>
public sealed record CalendarSetting(string? Name, string? Source, string? Owner);
