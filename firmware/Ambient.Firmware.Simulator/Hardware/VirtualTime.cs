namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// The household's clock. Devices run one wake at a time; every modelled delay inside a wake (sensor settling,
/// Wi-Fi association, back-off) moves it forward, so energy and timing come out of the apps' own behaviour.
/// </summary>
public sealed class VirtualTime(DateTimeOffset start)
{
    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset Now { get; private set; } = start;

    public void Advance(TimeSpan by)
    {
        if (by > TimeSpan.Zero)
        {
            Now += by;
        }
    }

    public void AdvanceTo(DateTimeOffset when)
    {
        if (when > Now)
        {
            Now = when;
        }
    }
}
