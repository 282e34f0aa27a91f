namespace Ambient.Gateway.Broker;

/// <summary>
/// Sequence numbers for the gateway's downlink frames, which devices echo in their acks. Seeded from the clock so a
/// restarted gateway does not reuse the numbers of frames a device may still be about to acknowledge.
/// </summary>
public static class DownlinkSequence
{
    private static uint _next = (uint)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() & 0x7FFFFFFF);

    public static uint Next() => Interlocked.Increment(ref _next);
}
