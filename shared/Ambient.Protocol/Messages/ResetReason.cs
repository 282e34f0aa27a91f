namespace Ambient.Protocol
{
    public enum ResetReason : byte
    {
        Unknown = 0,
        PowerOn = 1,
        DeepSleepWake = 2,
        Watchdog = 3,
        Brownout = 4,
        Software = 5,
        Panic = 6,
    }
}
