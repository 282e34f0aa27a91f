using Ambient.Firmware.Apps;
using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Simulator.Hardware;
using Ambient.Protocol;

namespace Ambient.Firmware.Core.Tests.Apps;

public sealed class MagnetAppTests : IPowerTrace, ILog, IPresenceSensor, ITouchPad, IClimateSensor, ILightSensor, IBattery
{
    private readonly VirtualTime _time = new(new DateTimeOffset(2026, 12, 1, 5, 40, 0, TimeSpan.Zero)); // 06:40 in Berlin
    private readonly RecordingMqttLink _link = new();

    bool IPresenceSensor.IsPresent => true;

    bool ITouchPad.IsTouched => false;

    [Fact]
    public void The_gateways_answer_to_hello_sets_local_time_before_the_wake_decides_it_is_morning()
    {
        var display = new SimulatedDisplay(_time);
        Magnet(display).Wake(WakeCause.PowerOn); // the gateway said nothing back: the magnet knows only UTC

        // Someone walks up at 05:40 UTC = 06:40 in Berlin; the gateway answers this wake's hello with the offset.
        _link.Queue("fridge-magnet", Channel.Time, new TimeMessage { Sequence = 1, UnixSeconds = (uint)_time.Now.ToUnixTimeSeconds(), UtcOffsetMinutes = 60 });
        _link.Queue("fridge-magnet", Channel.Config, new ConfigMessage
        {
            Sequence = 2,
            Entries = [new ConfigEntry(ConfigKey.MorningWindowStartMinute, 390), new ConfigEntry(ConfigKey.MorningWindowEndMinute, 570)],
        });
        _link.Queue("fridge-magnet", Channel.Display, new DisplayMessage { Sequence = 3, Sections = [new DisplaySection(LayoutHint.Greeting, "Good morning, Ana.")] });
        Magnet(display).Wake(WakeCause.Presence);

        // In UTC it would not be morning yet (window 06:30-09:30); in local time it is, so the greeting is asked for.
        Assert.Contains(_link.Sent<EventMessage>(), e => e.Kind == EventKind.GreetingRequest);
        Assert.Contains(display.Shown, line => line.Text == "Good morning, Ana.");
    }

    void IPowerTrace.Enter(PowerState state)
    {
    }

    void ILog.Write(string line)
    {
    }

    bool IClimateSensor.TryRead(out int centiCelsius, out int humidityPermille)
    {
        centiCelsius = 2100;
        humidityPermille = 450;
        return true;
    }

    bool ILightSensor.TryReadLux(out int lux)
    {
        lux = 300;
        return true;
    }

    int IBattery.ReadMillivolts() => 4000;

    private MagnetApp Magnet(SimulatedDisplay display)
    {
        var clock = new SimulatedClock(_time);
        var context = new DeviceContext(
            new DeviceCredentials("fridge-magnet", "secret"), clock, new SimulatedNetwork(_time, _ => true, -60), _link,
            _settings, new SimulatedFlash(), this, this, new Random(1));
        return new MagnetApp(context, new MagnetHardware(display, this, this, this, this, this));
    }

    private readonly SimulatedSettings _settings = new();
}
