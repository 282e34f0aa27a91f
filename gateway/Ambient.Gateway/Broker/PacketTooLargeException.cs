namespace Ambient.Gateway.Broker;

/// <summary>A client announced a packet larger than Broker:MaxPacketBytes; its connection is closed.</summary>
public sealed class PacketTooLargeException : IOException
{
    public PacketTooLargeException()
    {
    }

    public PacketTooLargeException(string message)
        : base(message)
    {
    }

    public PacketTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PacketTooLargeException(long packetBytes, int limit)
        : base($"MQTT packet of {packetBytes} bytes exceeds the limit of {limit}")
    {
        PacketBytes = packetBytes;
    }

    public long PacketBytes { get; }
}
