namespace Ambient.Firmware.Hal
{
    /// <summary>
    /// What an app asks for at the end of a wake: how long to sleep and what may wake it earlier. The device's
    /// Program.cs turns it into Sleep.EnableWakeupBy…() + Sleep.StartDeepSleep(); the simulator into a schedule.
    /// Timing belongs to the caller, so apps never sleep the device themselves.
    /// </summary>
    public sealed class SleepRequest
    {
        public SleepRequest(int seconds, WakeSources sources)
        {
            Seconds = seconds;
            Sources = sources;
        }

        public int Seconds { get; }

        public WakeSources Sources { get; }
    }
}
