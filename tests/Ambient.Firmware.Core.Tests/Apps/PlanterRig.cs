using Ambient.Firmware.Apps;
using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Simulator.Hardware;
using Ambient.Firmware.Simulator.Sensors;

namespace Ambient.Firmware.Core.Tests.Apps;

/// <summary>A planter on the bench: simulated clock, flash, settings, sensors; a recording MQTT link.</summary>
internal sealed class PlanterRig : IPowerTrace, IClimateSensor, ILightSensor, IBattery, IIndicator, ILog
{
    public PlanterRig(bool networkUp = true)
    {
        Time = new VirtualTime(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        Clock = new SimulatedClock(Time);
        NetworkUp = networkUp;
        var network = new SimulatedNetwork(Time, _ => NetworkUp, -60);
        Soil = new SoilModel(() => Time.Now, new Room(21, 5000, 1), seed: 1, startWater: 0.6);
        Context = new DeviceContext(new DeviceCredentials("kitchen-basil", "secret"), Clock, network, Link, Settings, Flash, this, this, new Random(1));
        Hardware = new PlanterHardware(Soil, Soil, this, this, this, this);
    }

    public VirtualTime Time { get; }

    internal SimulatedClock Clock { get; }

    public bool NetworkUp { get; set; }

    public RecordingMqttLink Link { get; } = new();

    internal SimulatedSettings Settings { get; } = new();

    public SimulatedFlash Flash { get; } = new();

    public SoilModel Soil { get; }

    public DeviceContext Context { get; }

    public PlanterHardware Hardware { get; }

    public Protocol.PlantCondition Showing { get; private set; }

    public List<string> Lines { get; } = [];

    public SleepRequest Wake(WakeCause cause)
    {
        if (cause == WakeCause.PowerOn)
        {
            Clock.PowerOn();
        }

        var sleep = new PlanterApp(Context, Hardware).Wake(cause);
        Time.Advance(TimeSpan.FromSeconds(sleep.Seconds));
        return sleep;
    }

    public void Enter(PowerState state)
    {
    }

    public bool TryRead(out int centiCelsius, out int humidityPermille)
    {
        centiCelsius = 2150;
        humidityPermille = 470;
        return true;
    }

    public bool TryReadLux(out int lux)
    {
        lux = 800;
        return true;
    }

    public int ReadMillivolts() => 2950;

    public void Show(Protocol.PlantCondition condition) => Showing = condition;

    public void Write(string line) => Lines.Add(line);
}
