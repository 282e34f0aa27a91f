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

    /// <summary>Boot from deep sleep to Main (1.2 s) plus the app's flash bookkeeping (0.3 s), per power.md.</summary>
    public static readonly TimeSpan BootTime = TimeSpan.FromSeconds(1.5);

    public string Id { get; }

    public DeviceKindName Kind { get; }

    internal VirtualTime Time { get; }

    public EnergyMeter Energy { get; }

    /// <summary>MQTT bytes this device sent in all, and in telemetry PUBLISH packets.</summary>
    public long BytesSent => _link.BytesSent;

    public long TelemetryBytesSent => _link.TelemetryBytesSent;

    public SimulatedFlash Flash { get; }

    public DateTimeOffset NextWake { get; internal set; }

    public WakeCause NextCause { get; internal set; } = WakeCause.PowerOn;

    public WakeSources WakeSources { get; private set; }

    public int Wakes { get; private set; }

    /// <summary>Wakes caused by an arriving downlink (<see cref="WakeSources.Data"/>).</summary>
    public int DataWakes { get; private set; }

    /// <summary>True when the device idles connected and a downlink is waiting: it should wake now.</summary>
    internal bool DataWaiting => WakeSources.HasFlag(WakeSources.Data) && _link.IsConnected && _link.HasDelivery;

    /// <summary>The device's MQTT session, for the household to hear arriving downlinks.</summary>
    internal MqttNetLink Link => _link;

    /// <summary>Wakes the idle device at <paramref name="at"/> (not earlier than now) because data arrived.</summary>
    internal void WakeForData(DateTimeOffset at)
    {
        if (at < NextWake)
        {
            NextWake = at < Time.Now ? Time.Now : at;
            NextCause = WakeCause.Data;
        }
    }

    public int PowerCuts { get; private set; }

    /// <summary>Every (boot, sequence) of a sample that was stored in flash.</summary>
    public HashSet<(ushort Boot, uint Sequence)> Stored { get; } = [];

    public object? Hardware { get; internal init; }

    /// <summary>Things that happen to the device every day (someone walks by at 07:10, a button press at 12:30).</summary>
    public List<(TimeSpan TimeOfDay, WakeCause Cause)> DailyEvents { get; } = [];

    /// <summary>The external cause of the wake in progress (what the PIR, touch pad or button read as).</summary>
    public WakeCause? Happening { get; private set; }

    /// <summary>Keeps one app instance across wakes: light sleep keeps RAM (the earbud stays connected).</summary>
    internal bool KeepsRam { get; init; }

    private IDeviceApp? _app;

    public void Wake()
    {
        var cause = NextCause;
        if (cause == WakeCause.PowerOn)
        {
            _clock.PowerOn();
        }

        Wakes++;
        if (cause == WakeCause.Data)
        {
            DataWakes++;
        }
        if (!KeepsRam || cause == WakeCause.PowerOn)
        {
            // A deep-sleep wake is a reboot: ROM, bootloader, nanoCLR and the assemblies load before Main, and the
            // app's bookkeeping (boot counter, ring-buffer scan) follows (hardware/planter/power.md, "Time per wake").
            Energy.Enter(PowerState.Cpu);
            Time.Advance(BootTime);
        }

        Happening = cause is WakeCause.Presence or WakeCause.Touch or WakeCause.Button ? cause : null;
        SleepRequest sleep;
        try
        {
            var app = KeepsRam && cause != WakeCause.PowerOn ? _app ??= _createApp(_context) : _createApp(_context);
            _app = app;
            sleep = app.Wake(cause);
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
        Happening = null;
        WakeSources = sleep.Sources;
        NextCause = WakeCause.Timer;
        NextWake = Time.Now + TimeSpan.FromSeconds(sleep.Seconds);
        if (NextEvent(sleep.Sources) is { } next && next.At < NextWake)
        {
            NextWake = next.At;
            NextCause = next.Cause;
        }
    }

    private (DateTimeOffset At, WakeCause Cause)? NextEvent(WakeSources sources)
    {
        (DateTimeOffset At, WakeCause Cause)? best = null;
        var today = new DateTimeOffset(Time.Now.UtcDateTime.Date, TimeSpan.Zero);
        foreach (var (timeOfDay, cause) in DailyEvents)
        {
            var allowed = cause switch
            {
                WakeCause.Presence => sources.HasFlag(WakeSources.Presence),
                WakeCause.Touch => sources.HasFlag(WakeSources.Touch),
                WakeCause.Button => sources.HasFlag(WakeSources.Button),
                _ => false,
            };
            if (!allowed)
            {
                continue;
            }

            var at = today + timeOfDay;
            if (at <= Time.Now)
            {
                at = at.AddDays(1);
            }

            if (best is null || at < best.Value.At)
            {
                best = (at, cause);
            }
        }

        return best;
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
