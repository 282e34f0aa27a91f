using Ambient.Firmware.Hal;
using Ambient.Firmware.Simulator.Hardware;

namespace Ambient.Firmware.Simulator.Energy;

/// <summary>
/// Integrates the app's own power-state trace: time in each state × that state's current. The device sleeps in
/// whatever state the app entered last (DeepSleep at the end of a wake) until its next wake.
/// </summary>
public sealed class EnergyMeter(VirtualTime time, PowerProfile profile) : IPowerTrace
{
    private readonly Dictionary<PowerState, TimeSpan> _time = [];
    private PowerState _state = PowerState.DeepSleep;
    private DateTimeOffset _since = time.Now;

    public PowerProfile Profile => profile;

    public double MilliampHours { get; private set; }

    public IReadOnlyDictionary<PowerState, TimeSpan> TimeInState => _time;

    public void Enter(PowerState state)
    {
        Account();
        _state = state;
    }

    /// <summary>Brings the integral up to now (call before reading it).</summary>
    public void Account()
    {
        var now = time.Now;
        var spent = now - _since;
        if (spent > TimeSpan.Zero)
        {
            _time[_state] = _time.GetValueOrDefault(_state) + spent;
            MilliampHours += profile.CurrentOf(_state) * spent.TotalHours;
        }

        _since = now;
    }
}
