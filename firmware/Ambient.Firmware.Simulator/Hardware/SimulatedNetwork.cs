using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// Wi-Fi and SNTP with the timing of a real ESP32 (association + DHCP ≈ 2.5 s, hardware/planter/power.md), and outages the household can
/// schedule (router off), during which joining fails after its timeout.
/// </summary>
internal sealed class SimulatedNetwork(VirtualTime time, Func<DateTimeOffset, bool> isUp, int rssi) : INetwork
{
    public const int AssociateMilliseconds = 2500;

    public bool IsConnected { get; private set; }

    public int Rssi => rssi;

    public bool Connect(int timeoutMilliseconds)
    {
        if (!isUp(time.Now))
        {
            time.Advance(TimeSpan.FromMilliseconds(timeoutMilliseconds));
            return false;
        }

        time.Advance(TimeSpan.FromMilliseconds(AssociateMilliseconds));
        IsConnected = true;
        return true;
    }

    public void Disconnect() => IsConnected = false;

    public bool TryGetNetworkTime(int timeoutMilliseconds, out DateTime utc)
    {
        time.Advance(TimeSpan.FromMilliseconds(60));
        utc = time.Now.UtcDateTime;
        return IsConnected;
    }
}
