using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IPowerTrace for the bench: logs each state change as "power N" (N = the PowerState number, since nanoFramework
    /// prints enums as numbers) with the uptime, to line up with a current probe's trace. Costs nothing measurable.
    /// </summary>
    public sealed class DebugPowerTrace : IPowerTrace
    {
        private readonly ILog _log;
        private readonly IClock _clock;

        public DebugPowerTrace(ILog log, IClock clock)
        {
            _log = log;
            _clock = clock;
        }

        public void Enter(PowerState state)
        {
            _log.Write("power " + ((int)state).ToString() + " at " + _clock.UptimeMilliseconds.ToString() + " ms");
        }
    }
}
