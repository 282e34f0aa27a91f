namespace Ambient.Firmware.Hal
{
    /// <summary>Why the device is running now (nanoFramework: Sleep.GetWakeupCause()).</summary>
    public enum WakeCause : byte
    {
        /// <summary>First start after power was applied or lost: RAM and RTC memory are empty.</summary>
        PowerOn = 0,
        Timer = 1,
        Presence = 2,
        Touch = 3,
        Button = 4,

        /// <summary>A downlink arrived while the device idled connected (<see cref="WakeSources.Data"/>).</summary>
        Data = 5,
    }
}
