namespace Ambient.Gateway.Broker;

/// <summary>
/// Lets a connection's PUBACKs for one group commit leave in one send() instead of one each. While
/// <see cref="Holding"/> is set, 4-byte PUBACKs (MQTT 3.1.1, or MQTT 5 success) are kept back; the next write of
/// anything else, or any write once <see cref="Holding"/> is cleared, sends them first, in the same call. MQTTnet's
/// channel adapter serialises writes (one packet per call, under its lock), so held PUBACKs always go out in order
/// and before anything written after them. Reads pass straight through.
/// </summary>
internal sealed class PubAckCoalescer(Stream inner, int maxHeld) : ConnectionStream(inner)
{
    private const int PubAckBytes = 4;

    // Room after the held PUBACKs for the write that releases them (usually the batch's last PUBACK, or a PINGRESP),
    // so both leave in the same send().
    private const int Releaser = 64;
    private readonly byte[] _held = new byte[(maxHeld * PubAckBytes) + Releaser];
    private int _heldBytes;
    private volatile bool _holding;

    /// <summary>Set by the connection's <see cref="PublishPipeline"/> before all but the last PUBACK of a batch.</summary>
    public bool Holding
    {
        get => _holding;
        set => _holding = value;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_holding && IsPubAck(buffer.Span) && _heldBytes + PubAckBytes <= _held.Length - Releaser)
        {
            buffer.Span.CopyTo(_held.AsSpan(_heldBytes));
            _heldBytes += PubAckBytes;
            return ValueTask.CompletedTask;
        }

        if (_heldBytes == 0)
        {
            return Inner.WriteAsync(buffer, cancellationToken);
        }

        return WriteHeldThenAsync(buffer, cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    // Fixed header 0x40, remaining length 2, packet id: no reason code or properties.
    private static bool IsPubAck(ReadOnlySpan<byte> packet) => packet.Length == PubAckBytes && packet[0] == 0x40 && packet[1] == 2;

    private async ValueTask WriteHeldThenAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        var held = _heldBytes;
        _heldBytes = 0;
        if (held + buffer.Length <= _held.Length)
        {
            buffer.Span.CopyTo(_held.AsSpan(held));
            await Inner.WriteAsync(_held.AsMemory(0, held + buffer.Length), cancellationToken).ConfigureAwait(false);
            return;
        }

        await Inner.WriteAsync(_held.AsMemory(0, held), cancellationToken).ConfigureAwait(false);
        await Inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }
}
