using System;

namespace Ambient.Protocol
{
    /// <summary>What a device can sense or do, announced in Hello so the gateway needs no per-model tables.</summary>
    [Flags]
    public enum Capabilities : ushort
    {
        None = 0,
        SoilMoisture = 0x0001,
        Light = 0x0002,
        Temperature = 0x0004,
        Humidity = 0x0008,
        Pressure = 0x0010,
        Battery = 0x0020,
        Presence = 0x0040,
        Touch = 0x0080,
        Display = 0x0100,
        Microphone = 0x0200,
        Speaker = 0x0400,
        Button = 0x0800,
        DeepSleep = 0x1000,
        Indicator = 0x2000,
    }
}
