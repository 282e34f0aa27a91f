namespace Ambient.Firmware.Hal
{
    /// <summary>
    /// What the device is drawing current for. Apps report every change to <see cref="IPowerTrace"/>; the simulator
    /// multiplies the time in each state by the currents in hardware/&lt;device&gt;/power.md for an energy estimate.
    /// </summary>
    public enum PowerState : byte
    {
        DeepSleep = 0,
        LightSleep = 1,
        Cpu = 2,
        Sensing = 3,
        WifiConnect = 4,
        Radio = 5,
        DisplayRefresh = 6,
        AudioCapture = 7,
        AudioPlayback = 8,
    }
}
