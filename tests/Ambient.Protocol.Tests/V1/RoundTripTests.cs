using CsCheck;

namespace Ambient.Protocol.Tests.V1;

public sealed class RoundTripTests
{
    [Fact]
    public void Every_valid_message_decodes_to_what_was_encoded()
    {
        MessageGen.Any.Sample(message =>
        {
            var frame = FrameEncoder.Encode(message);
            var result = FrameDecoder.Decode(frame);

            Assert.True(result.IsOk, result.Describe());
            Assert.Equal(message.Type, result.Message.Type);
            Assert.Equal(MessageJson.Of(message), MessageJson.Of(result.Message));
        }, iter: 5_000);
    }

    [Fact]
    public void A_decoded_frame_encodes_to_the_same_bytes()
    {
        MessageGen.Any.Sample(message =>
        {
            var frame = FrameEncoder.Encode(message);

            var again = FrameEncoder.Encode(FrameDecoder.Decode(frame).Message);

            Assert.Equal(frame, again);
        }, iter: 2_000);
    }

    [Fact]
    public void A_frame_inside_a_larger_buffer_decodes_like_the_frame_alone()
    {
        Gen.Select(MessageGen.Any, Gen.Int[0, 40], Gen.Int[0, 40]).Sample((message, before, after) =>
        {
            var frame = FrameEncoder.Encode(message);
            var buffer = new byte[before + frame.Length + after];
            Random.Shared.NextBytes(buffer);
            frame.CopyTo(buffer, before);

            var result = FrameDecoder.Decode(buffer, before, frame.Length);

            Assert.True(result.IsOk, result.Describe());
            Assert.Equal(MessageJson.Of(message), MessageJson.Of(result.Message));
        }, iter: 1_000);
    }

    [Fact]
    public void Text_survives_the_wire_unchanged()
    {
        MessageGen.Text.Sample(text =>
        {
            var message = new DisplayMessage { Sections = [new DisplaySection(LayoutHint.Plain, text)] };

            var decoded = (DisplayMessage)FrameDecoder.Decode(FrameEncoder.Encode(message)).Message;

            Assert.Equal(text, decoded.Sections[0].Text);
        }, iter: 5_000);
    }
}
