namespace Ambient.Firmware.Hal
{
    /// <summary>Battery voltage through the board's divider, in millivolts at the cell.</summary>
    public interface IBattery
    {
        int ReadMillivolts();
    }
}
