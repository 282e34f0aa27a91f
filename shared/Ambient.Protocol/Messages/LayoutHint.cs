namespace Ambient.Protocol
{
    /// <summary>How the display should set a section: the magnet gives each its own font and place.</summary>
    public enum LayoutHint : byte
    {
        Plain = 0,
        Greeting = 1,
        Weather = 2,
        NextEvent = 3,
        PlantAlert = 4,
        Reminder = 5,
    }
}
