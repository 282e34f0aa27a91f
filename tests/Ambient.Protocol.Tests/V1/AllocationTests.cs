namespace Ambient.Protocol.Tests.V1;

/// <summary>Counts bytes, not time: the gateway decodes every reading, so garbage per frame is a budget.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Decoding_a_telemetry_frame_allocates_only_the_message_and_its_two_arrays()
    {
        var frame = FrameEncoder.Encode(Samples.PlanterBatch(412, 1830, 2150, 473));
        FrameDecoder.Decode(frame); // warm up: static tables, JIT

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = FrameDecoder.Decode(frame);
        var decoding = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        var same = new TelemetryMessage { SampleOffsets = new uint[1], Readings = new Reading[4] };
        var message = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsOk);
        Assert.NotNull(same);
        Assert.Equal(message, decoding);
    }

    [Fact]
    public void Encoding_into_a_reused_buffer_allocates_nothing()
    {
        var telemetry = Samples.PlanterBatch(412, 1830, 2150, 473);
        var buffer = new byte[64];
        FrameEncoder.Encode(telemetry, buffer, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        FrameEncoder.Encode(telemetry, buffer, 0);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
