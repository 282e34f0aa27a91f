namespace Ambient.Protocol
{
    /// <summary>The last topic level. Up channels are published by devices, down channels by the gateway.</summary>
    public enum Channel : byte
    {
        None = 0,
        Hello = 1,
        Telemetry = 2,
        Event = 3,
        AudioUp = 4,
        Ack = 5,
        Display = 16,
        Plant = 17,
        AudioDown = 18,
        Config = 19,
        Time = 20,
        Status = 32,
    }
}
