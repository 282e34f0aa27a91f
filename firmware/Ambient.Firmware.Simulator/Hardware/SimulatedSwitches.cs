using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>PIR and touch pad: true while the household's schedule says someone is there or touching.</summary>
internal sealed class SimulatedSwitches(Func<WakeCause?> current) : IPresenceSensor, ITouchPad
{
    public bool IsPresent => current() == WakeCause.Presence;

    public bool IsTouched => current() == WakeCause.Touch;
}
