using Ambient.Gateway.Broker;

namespace Ambient.Gateway.Tests.Broker;

public sealed class PubAckCoalescerTests
{
    private static byte[] PubAck(ushort id) => [0x40, 2, (byte)(id >> 8), (byte)id];

    [Fact]
    public async Task Held_pubacks_leave_in_order_with_the_first_write_after_holding_stops()
    {
        var sink = new RecordingStream();
        using var writes = new PubAckCoalescer(sink, maxHeld: 8);

        writes.Holding = true;
        await writes.WriteAsync(PubAck(1));
        await writes.WriteAsync(PubAck(2));
        Assert.Empty(sink.Writes);
        writes.Holding = false;
        await writes.WriteAsync(PubAck(3));

        Assert.Equal([[.. PubAck(1), .. PubAck(2), .. PubAck(3)]], sink.Writes);
    }

    [Fact]
    public async Task Any_other_packet_carries_the_held_pubacks_out_ahead_of_itself()
    {
        var sink = new RecordingStream();
        using var writes = new PubAckCoalescer(sink, maxHeld: 8);
        byte[] pingResponse = [0xD0, 0];
        byte[] bigPublish = [0x30, .. new byte[200]];
        byte[] reasonAck = [0x40, 4, 0, 9, 0x99, 0]; // MQTT 5 PUBACK with a reason code: never held

        writes.Holding = true;
        await writes.WriteAsync(PubAck(1));
        await writes.WriteAsync(pingResponse);
        await writes.WriteAsync(PubAck(2));
        await writes.WriteAsync(bigPublish);
        await writes.WriteAsync(reasonAck);

        Assert.Equal([.. PubAck(1), .. pingResponse, .. PubAck(2), .. bigPublish, .. reasonAck], sink.Writes.SelectMany(w => w));
        Assert.Equal([.. PubAck(1), .. pingResponse], sink.Writes[0]);
        Assert.Equal(4, sink.Writes.Count); // the publish does not fit beside PUBACK 2: two writes, still in order
    }

    [Fact]
    public async Task When_full_it_stops_holding_rather_than_dropping()
    {
        var sink = new RecordingStream();
        using var writes = new PubAckCoalescer(sink, maxHeld: 2);

        writes.Holding = true;
        for (ushort id = 1; id <= 4; id++)
        {
            await writes.WriteAsync(PubAck(id));
        }

        Assert.Equal(Enumerable.Range(1, 3).SelectMany(i => PubAck((ushort)i)), sink.Writes.SelectMany(w => w));
        writes.Holding = false;
        await writes.WriteAsync(new byte[] { 0xD0, 0 });
        Assert.Equal([.. Enumerable.Range(1, 4).SelectMany(i => PubAck((ushort)i)), 0xD0, 0], sink.Writes.SelectMany(w => w));
    }

    private sealed class RecordingStream : MemoryStream
    {
        public List<byte[]> Writes { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(buffer.ToArray());
            return ValueTask.CompletedTask;
        }
    }
}
