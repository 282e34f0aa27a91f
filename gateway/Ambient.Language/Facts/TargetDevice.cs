namespace Ambient.Language;

/// <summary>
/// Where the text goes, which sets its length: the magnet's e-paper fits 4 lines of 30 characters, the earbud
/// speaks one sentence, the dashboard/API shows a short paragraph.
/// </summary>
public enum TargetDevice
{
    Magnet,
    Earbud,
    Dashboard,
}
