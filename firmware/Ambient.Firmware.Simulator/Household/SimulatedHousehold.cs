using Ambient.Firmware.Apps;
using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Simulator.Energy;
using Ambient.Firmware.Simulator.Hardware;
using Ambient.Firmware.Simulator.Sensors;

namespace Ambient.Firmware.Simulator.Household;

/// <summary>
/// Runs a household's devices on one virtual clock against a real MQTT broker: always the device whose wake is due
/// first, pacing virtual time against wall time at the requested speed.
/// </summary>
public sealed class SimulatedHousehold : IDisposable
{
    private readonly Pacing _pacing;
    private readonly HouseholdFile _file;

    // Released whenever a downlink reaches any device, so a connected-idle earbud wakes on it instead of at its timer.
    private readonly SemaphoreSlim _delivered = new(0);

    public SimulatedHousehold(HouseholdFile file, string brokerHost, int brokerPort, double speed, Action<string>? log = null)
    {
        _file = file;
        _pacing = new Pacing(speed);
        var start = file.Start ?? new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        Time = new VirtualTime(start);
        var seed = 1;
        foreach (var entry in file.Devices)
        {
            var device = Build(entry, brokerHost, brokerPort, seed++, log);
            device.Link.Delivered += () => _delivered.Release();
            Devices.Add(device);
        }
    }

    public VirtualTime Time { get; }

    public List<SimulatedDevice> Devices { get; } = [];

    public bool NetworkUp(DateTimeOffset at)
    {
        var offset = at - Time.Start;
        return !_file.Outages.Any(o => offset >= o.From && offset < o.To);
    }

    /// <summary>
    /// Runs until <paramref name="duration"/> of virtual time has passed. <paramref name="wallStart"/> is the wall
    /// moment the virtual start corresponds to (default: now), so an in-process gateway on an accelerated clock of
    /// the same start and speed stays in step.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, DateTimeOffset? wallStart = null, CancellationToken cancellationToken = default)
    {
        var end = Time.Start + duration;
        var wall = wallStart ?? DateTimeOffset.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            // A device idling connected wakes as soon as a downlink reaches it (now, in virtual time). Signals are
            // taken before looking, so one that comes after the look ends the wait below.
            while (_delivered.Wait(0, CancellationToken.None))
            {
            }

            var virtualNow = Time.Start + _pacing.VirtualElapsed(DateTimeOffset.UtcNow - wall);
            foreach (var device in Devices.Where(d => d.DataWaiting))
            {
                device.WakeForData(virtualNow);
            }

            var next = Devices.MinBy(d => d.NextWake);
            if (next is null)
            {
                break;
            }

            // Wait for the wake (or the end of the run), or for a downlink that may wake an idle device sooner.
            var until = next.NextWake < end ? next.NextWake : end;
            var wait = wall + _pacing.RealDelay(until - Time.Start) - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero && await _delivered.WaitAsync(wait, cancellationToken))
            {
                continue;
            }

            if (next.NextWake >= end)
            {
                break;
            }

            Time.AdvanceTo(next.NextWake);
            next.Wake();
        }

        Time.AdvanceTo(end);
        foreach (var device in Devices)
        {
            device.Energy.Account();
        }
    }

    public void Dispose()
    {
        foreach (var device in Devices)
        {
            device.Dispose();
        }

        _delivered.Dispose();
    }

    private SimulatedDevice Build(DeviceEntry entry, string host, int port, int seed, Action<string>? log)
    {
        var clock = new SimulatedClock(Time);
        var flash = new SimulatedFlash();
        var settings = new SimulatedSettings();
        var link = new MqttNetLink(Time, host, port, _pacing, line => log?.Invoke($"{entry.Id}: {line}"));
        var network = new SimulatedNetwork(Time, NetworkUp, -58 - seed);
        var profile = PowerProfile.Load(entry.Kind switch
        {
            DeviceKindName.Planter => "planter",
            DeviceKindName.FridgeMagnet => "fridge-magnet",
            _ => "earbud",
        });
        var energy = new EnergyMeter(Time, profile);
        var context = new DeviceContext(
            new DeviceCredentials(entry.Id, entry.Secret), clock, network, link, settings, flash, energy,
            new ConsoleLog(entry.Id, log), new Random(seed));
        var room = new Room(entry.RoomCelsius, entry.WindowPeakLux, seed);
        var battery = entry.Kind == DeviceKindName.Planter
            ? new SimulatedBattery(3300, 2400, profile.BatteryMilliampHours, () => energy.MilliampHours) // 2× lithium AA
            : new SimulatedBattery(4150, 3300, profile.BatteryMilliampHours, () => energy.MilliampHours); // 1-cell LiPo
        var parts = new List<IDisposable>();

        switch (entry.Kind)
        {
            case DeviceKindName.Planter:
            {
                var soil = new SoilModel(() => Time.Now, room, seed, entry.StartWater, entry.DailyLoss);
                var climate = new DriverClimateSensor(new Sht3xSimulator(() => room.Climate(Time.Now)));
                var light = new DriverLightSensor(new Bh1750Simulator(() => room.Lux(Time.Now)));
                parts.Add(climate);
                parts.Add(light);
                var hardware = new PlanterHardware(soil, soil, climate, light, battery, new SimulatedIndicator());
                return new SimulatedDevice(entry.Id, entry.Kind, Time, clock, context, link, energy, flash,
                    c => new PlanterApp(c, hardware), parts) { Hardware = hardware };
            }

            case DeviceKindName.FridgeMagnet:
            {
                // The magnet carries a BME280 (hardware/fridge-magnet/bom.md); pressure is not used on the device.
                var climate = new DriverBme280ClimateSensor(
                    new Bme280Simulator(() => { var (c, h) = room.Climate(Time.Now); return (c, h, 101_325); }), measurePressure: false);
                var light = new DriverLightSensor(new Bh1750Simulator(() => room.Lux(Time.Now)));
                parts.Add(climate);
                parts.Add(light);
                SimulatedDevice? device = null;
                var switches = new SimulatedSwitches(() => device?.Happening);
                var display = new SimulatedDisplay(Time);
                var hardware = new MagnetHardware(display, switches, switches, climate, light, battery);
                device = new SimulatedDevice(entry.Id, entry.Kind, Time, clock, context, link, energy, flash,
                    c => new MagnetApp(c, hardware), parts) { Hardware = hardware };
                // Breakfast, leaving for work, a look at the day's plan at lunch, back home in the evening.
                device.DailyEvents.AddRange([
                    (new TimeSpan(7, 10, 0), WakeCause.Presence), (new TimeSpan(7, 45, 0), WakeCause.Presence),
                    (new TimeSpan(12, 30, 0), WakeCause.Touch), (new TimeSpan(18, 20, 0), WakeCause.Presence)]);
                return device;
            }

            case DeviceKindName.Earbud:
            {
                var microphone = new SimulatedMicrophone(Time, seed);
                var speaker = new SimulatedSpeaker(Time);
                SimulatedDevice? device = null;
                var button = new SimulatedButton(() =>
                {
                    if (device?.Happening != WakeCause.Button)
                    {
                        return ButtonPress.None;
                    }

                    // Mornings: hold and ask "hey ambient, what's next?"; later taps answer the reminder just heard.
                    if (Time.Now.Hour < 9)
                    {
                        microphone.Speak(afterMilliseconds: 300, milliseconds: 1500);
                        return ButtonPress.Held;
                    }

                    return ButtonPress.Tap;
                });
                var hardware = new EarbudHardware(microphone, speaker, button, battery);
                device = new SimulatedDevice(entry.Id, entry.Kind, Time, clock, context, link, energy, flash,
                    c => new EarbudApp(c, hardware), parts) { Hardware = hardware, KeepsRam = true };
                device.DailyEvents.AddRange([(new TimeSpan(8, 5, 0), WakeCause.Button), (new TimeSpan(9, 20, 0), WakeCause.Button)]);
                return device;
            }

            default:
                throw new NotSupportedException($"device '{entry.Id}': kind {entry.Kind} is not simulated yet");
        }
    }
}
