namespace Ambient.Protocol
{
    /// <summary>Frame type byte. Uplinks (device → gateway) are below 0x10, downlinks from 0x10.</summary>
    public enum MessageType : byte
    {
        Hello = 0x01,
        Telemetry = 0x02,
        Event = 0x03,
        Audio = 0x04,
        Ack = 0x05,
        Display = 0x10,
        PlantState = 0x11,
        Config = 0x12,
        Time = 0x13,
    }
}
