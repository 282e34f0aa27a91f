namespace Ambient.Gateway.Broker;

/// <summary>
/// Follows the MQTT framing of the bytes a client sends (fixed header, Remaining Length varint, body) and fails
/// the read as soon as a packet announces more than the limit. MQTTnet allocates <c>new byte[RemainingLength]</c>
/// before validating anything, even before CONNECT (MqttChannelAdapter.ReceiveAsync), so without this a single
/// unauthenticated 5-byte header could make it allocate 256 MB (the bug class of Mosquitto CVE-2017-7651).
/// It also reads ahead (<see cref="ReadAheadBytes"/>), since it sits right on the socket.
/// </summary>
internal sealed class PacketSizeGuardStream(Stream inner, int maxPacketBytes) : ConnectionStream(inner)
{
    private enum State { FixedHeader, RemainingLength, Body }

    /// <summary>
    /// MQTTnet reads a packet in two or three calls (the 2-byte fixed header, more length bytes one at a time, the
    /// body); straight on the socket that was two or three recv() calls per frame, about a tenth of the gateway's
    /// CPU at 10k frames/s. One read fills this buffer with everything that has arrived, often many packets.
    /// </summary>
    private const int ReadAheadBytes = 4096;

    private readonly byte[] _readAhead = new byte[ReadAheadBytes];
    private int _start;
    private int _end;
    private State _state = State.FixedHeader;
    private long _remaining;
    private int _multiplier = 1;
    private int _lengthBytes;

    /// <summary>The size of the packet that broke the limit, for the log.</summary>
    public long RefusedPacketBytes { get; private set; }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _start < _end ? ValueTask.FromResult(Serve(buffer.Span)) : FillAndServeAsync(buffer, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_start == _end)
        {
            _start = 0;
            _end = Inner.Read(_readAhead, 0, _readAhead.Length);
        }

        return Serve(buffer.AsSpan(offset, count));
    }

    private async ValueTask<int> FillAndServeAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _start = 0;
        _end = 0;
        _end = await Inner.ReadAsync(_readAhead, cancellationToken).ConfigureAwait(false);
        return Serve(buffer.Span);
    }

    // Inspected as handed to MQTTnet, before it can allocate anything for them.
    private int Serve(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _end - _start);
        var bytes = _readAhead.AsSpan(_start, n);
        Inspect(bytes);
        bytes.CopyTo(buffer);
        _start += n;
        return n;
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
