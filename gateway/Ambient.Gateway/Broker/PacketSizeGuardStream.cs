namespace Ambient.Gateway.Broker;

/// <summary>
/// Follows the MQTT framing of the bytes a client sends (fixed header, Remaining Length varint, body) and fails
/// the read as soon as a packet announces more than the limit. MQTTnet allocates <c>new byte[RemainingLength]</c>
/// before validating anything, even before CONNECT (MqttChannelAdapter.ReceiveAsync), so without this a single
/// unauthenticated 5-byte header could make it allocate 256 MB (the bug class of Mosquitto CVE-2017-7651).
/// </summary>
internal sealed class PacketSizeGuardStream(Stream inner, int maxPacketBytes) : Stream
{
    private enum State { FixedHeader, RemainingLength, Body }

    private State _state = State.FixedHeader;
    private long _remaining;
    private int _multiplier = 1;
    private int _lengthBytes;

    /// <summary>The size of the packet that broke the limit, for the log.</summary>
    public long RefusedPacketBytes { get; private set; }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Inspect(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        Inspect(buffer.AsSpan(offset, n));
        return n;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

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

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_state)
            {
                case State.FixedHeader:
                    i++;
                    _state = State.RemainingLength;
                    _remaining = 0;
                    _multiplier = 1;
                    _lengthBytes = 0;
                    break;
                case State.RemainingLength:
                    var b = bytes[i++];
                    _lengthBytes++;
                    _remaining += (b & 0x7F) * (long)_multiplier;
                    _multiplier *= 128;
                    var packet = 1 + _lengthBytes + _remaining;
                    if (packet > maxPacketBytes)
                    {
                        RefusedPacketBytes = packet;
                        throw new PacketTooLargeException(packet, maxPacketBytes);
                    }

                    if ((b & 0x80) == 0)
                    {
                        _state = _remaining == 0 ? State.FixedHeader : State.Body;
                    }
                    else if (_lengthBytes == 4)
                    {
                        throw new IOException("malformed MQTT remaining length");
                    }

                    break;
                default:
                    var take = (int)Math.Min(_remaining, bytes.Length - i);
                    i += take;
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = State.FixedHeader;
                    }

                    break;
            }
        }
    }
}
