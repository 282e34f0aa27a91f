using Ambient.Firmware.Apps;
using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Simulator.Energy;
using Ambient.Firmware.Simulator.Hardware;
using Ambient.Firmware.Storage;

namespace Ambient.Firmware.Simulator.Household;

/// <summary>
/// One simulated device: its persistent hardware (flash, settings, RTC, sensors) and a fresh app per wake, as a
/// deep-sleep reboot gives on the ESP32. Tracks every sample that reached its flash, so a run can prove each one
/// arrived at the gateway.
/// </summary>
public sealed class SimulatedDevice : IDisposable
{
    private readonly Func<DeviceContext, IDeviceApp> _createApp;
    private readonly SimulatedClock _clock;
    private readonly DeviceContext _context;
    private readonly MqttNetLink _link;
    private readonly List<IDisposable> _parts;

    internal SimulatedDevice(
        string id, DeviceKindName kind, VirtualTime time, SimulatedClock clock, DeviceContext context, MqttNetLink link,
        EnergyMeter energy, SimulatedFlash flash, Func<DeviceContext, IDeviceApp> createApp, List<IDisposable> parts)
    {
        Id = id;
        Kind = kind;
        Time = time;
        _clock = clock;
        _context = context;
        _link = link;
        Energy = energy;
        Flash = flash;
        _createApp = createApp;
        _parts = parts;
        NextWake = time.Now;
    }

    public string Id { get; }

    public DeviceKindName Kind { get; }

    internal VirtualTime Time { get; }

    public EnergyMeter Energy { get; }

    public SimulatedFlash Flash { get; }

    public DateTimeOffset NextWake { get; internal set; }

    public WakeCause NextCause { get; internal set; } = WakeCause.PowerOn;

    public WakeSources WakeSources { get; private set; }

    public int Wakes { get; private set; }

    public int PowerCuts { get; private set; }

    /// <summary>Every (boot, sequence) of a sample that was stored in flash.</summary>
    public HashSet<(ushort Boot, uint Sequence)> Stored { get; } = [];

    public object? Hardware { get; internal init; }

    public void Wake()
    {
        var cause = NextCause;
        if (cause == WakeCause.PowerOn)
        {
            _clock.PowerOn();
        }

        Wakes++;
        SleepRequest sleep;
        try
        {
            sleep = _createApp(_context).Wake(cause);
        }
        catch (PowerCutException)
        {
            // Power is back a few seconds later; RAM, RTC and the half-written flash page are what the app finds.
            PowerCuts++;
            _link.Disconnect();
            RecordStored();
            Energy.Enter(PowerState.DeepSleep);
            NextCause = WakeCause.PowerOn;
            NextWake = Time.Now + TimeSpan.FromSeconds(5);
            return;
        }

        RecordStored();
        WakeSources = sleep.Sources;
        NextCause = WakeCause.Timer;
        NextWake = Time.Now + TimeSpan.FromSeconds(sleep.Seconds);
    }

    public void Dispose()
    {
        _link.Dispose();
        foreach (var part in _parts)
        {
            part.Dispose();
        }
    }

    private void RecordStored()
    {
        var log = new ReadingLog(Flash);
        if (log.LastSequence == 0)
        {
            return;
        }

        for (var sequence = 1u; sequence <= log.LastSequence; sequence++)
        {
            Stored.Add((log.LastBootId, sequence));
        }
    }
}
