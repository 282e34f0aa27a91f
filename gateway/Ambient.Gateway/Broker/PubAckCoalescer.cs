namespace Ambient.Gateway.Broker;

/// <summary>
/// Lets a connection's PUBACKs for one group commit leave in one send() instead of one each. While
/// <see cref="Holding"/> is set, 4-byte PUBACKs (MQTT 3.1.1, or MQTT 5 success) are kept back; the next write of
/// anything else, or any write once <see cref="Holding"/> is cleared, sends them first, in the same call. MQTTnet's
/// channel adapter serialises writes (one packet per call, under its lock), so held PUBACKs always go out in order
/// and before anything written after them. Reads pass straight through.
/// </summary>
internal sealed class PubAckCoalescer(Stream inner, int maxHeld) : Stream
{
    private const int PubAckBytes = 4;
    // Room for the batch plus the write that releases it (usually its last PUBACK) in the same send().
    private readonly byte[] _held = new byte[(maxHeld * PubAckBytes) + 64];
    private int _heldBytes;
    private volatile bool _holding;

    /// <summary>Set by the connection's <see cref="PublishPipeline"/> before all but the last PUBACK of a batch.</summary>
    public bool Holding
    {
        get => _holding;
        set => _holding = value;
    }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_holding && IsPubAck(buffer.Span) && _heldBytes + PubAckBytes <= _held.Length - 64)
        {
            buffer.Span.CopyTo(_held.AsSpan(_heldBytes));
            _heldBytes += PubAckBytes;
            return ValueTask.CompletedTask;
        }

        if (_heldBytes == 0)
        {
            return inner.WriteAsync(buffer, cancellationToken);
        }

        return WriteHeldThenAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // Fixed header 0x40, remaining length 2, packet id: no reason code or properties.
    private static bool IsPubAck(ReadOnlySpan<byte> packet) => packet.Length == PubAckBytes && packet[0] == 0x40 && packet[1] == 2;

    private async ValueTask WriteHeldThenAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        var held = _heldBytes;
        _heldBytes = 0;
        if (held + buffer.Length <= _held.Length)
        {
            buffer.Span.CopyTo(_held.AsSpan(held));
            await inner.WriteAsync(_held.AsMemory(0, held + buffer.Length), cancellationToken).ConfigureAwait(false);
            return;
        }

        await inner.WriteAsync(_held.AsMemory(0, held), cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }
}
