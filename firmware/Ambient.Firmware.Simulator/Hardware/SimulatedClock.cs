using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// A device's RTC: uptime counts from the last power-on (surviving deep sleep, as the ESP32 RTC timer does); the
/// wall clock is unset after power-on until SNTP or a Time downlink sets it.
/// </summary>
internal sealed class SimulatedClock(VirtualTime time) : IClock
{
    private DateTimeOffset _poweredOn = time.Now;
    private TimeSpan _wallOffset;

    public long UptimeMilliseconds => (long)(time.Now - _poweredOn).TotalMilliseconds;

    public bool IsTimeSet { get; private set; }

    public DateTime UtcNow => (time.Now + _wallOffset).UtcDateTime;

    public void SetUtc(DateTime utc)
    {
        _wallOffset = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) - time.Now;
        IsTimeSet = true;
    }

    public void Sleep(int milliseconds) => time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Power was cut and restored: RAM and RTC are gone.</summary>
    public void PowerOn()
    {
        _poweredOn = time.Now;
        IsTimeSet = false;
        _wallOffset = TimeSpan.Zero;
    }
}
