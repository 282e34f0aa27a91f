namespace Ambient.Protocol.Tests.Topics;

public sealed class TopicTests
{
    public static TheoryData<Channel, string> Scheme() => new()
    {
        { Channel.Hello, "ambient/v1/kitchen-basil/up/hello" },
        { Channel.Telemetry, "ambient/v1/kitchen-basil/up/telemetry" },
        { Channel.Event, "ambient/v1/kitchen-basil/up/event" },
        { Channel.AudioUp, "ambient/v1/kitchen-basil/up/audio" },
        { Channel.Ack, "ambient/v1/kitchen-basil/up/ack" },
        { Channel.Display, "ambient/v1/kitchen-basil/down/display" },
        { Channel.Plant, "ambient/v1/kitchen-basil/down/plant" },
        { Channel.AudioDown, "ambient/v1/kitchen-basil/down/audio" },
        { Channel.Config, "ambient/v1/kitchen-basil/down/config" },
        { Channel.Time, "ambient/v1/kitchen-basil/down/time" },
        { Channel.Status, "ambient/v1/kitchen-basil/status" },
    };

    [Theory]
    [MemberData(nameof(Scheme))]
    public void Topics_follow_the_scheme_and_parse_back(Channel channel, string topic)
    {
        Assert.Equal(topic, Protocol.Topics.For("kitchen-basil", channel));

        var parsed = Protocol.Topics.Parse(topic);

        Assert.True(parsed.IsValid);
        Assert.Equal("kitchen-basil", parsed.DeviceId);
        Assert.Equal(channel, parsed.Channel);
        Assert.Equal(topic.Contains("/up/", StringComparison.Ordinal), parsed.IsUp);
        Assert.Equal(topic.Contains("/down/", StringComparison.Ordinal), parsed.IsDown);
    }

    [Theory]
    [InlineData("ambient/v1/kitchen-basil/up/telemetry/extra")]
    [InlineData("ambient/v1/kitchen-basil/up/")]
    [InlineData("ambient/v1/kitchen-basil/sideways/telemetry")]
    [InlineData("ambient/v1/Kitchen-Basil/up/telemetry")]
    [InlineData("ambient/v1/ab/up/telemetry")]
    [InlineData("ambient/v1/+/up/telemetry")]
    [InlineData("ambient/v1/#")]
    [InlineData("ambient/v2/kitchen-basil/up/telemetry")]
    [InlineData("AMBIENT/v1/kitchen-basil/up/telemetry")]
    [InlineData("ambient/v1//up/telemetry")]
    [InlineData("ambient/v1/kitchen-basil")]
    [InlineData("ambient/v1/kitchen-basil/statuses")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_outside_the_scheme_is_not_a_topic(string? topic)
    {
        Assert.False(Protocol.Topics.Parse(topic).IsValid);
    }

    [Fact]
    public void Each_channel_carries_one_frame_type()
    {
        Assert.Equal(MessageType.Telemetry, Protocol.Topics.TypeOf(Channel.Telemetry));
        Assert.Equal(MessageType.Audio, Protocol.Topics.TypeOf(Channel.AudioUp));
        Assert.Equal(MessageType.Audio, Protocol.Topics.TypeOf(Channel.AudioDown));
        Assert.Equal(MessageType.PlantState, Protocol.Topics.TypeOf(Channel.Plant));
        Assert.Equal(Channel.AudioUp, Protocol.Topics.ChannelOf(MessageType.Audio, up: true));
        Assert.Equal(Channel.AudioDown, Protocol.Topics.ChannelOf(MessageType.Audio, up: false));
        Assert.Equal(Channel.None, Protocol.Topics.ChannelOf(MessageType.Display, up: true));
        foreach (var type in Enum.GetValues<MessageType>())
        {
            var channel = Protocol.Topics.ChannelOf(type, up: type < MessageType.Display);
            Assert.Equal(type, Protocol.Topics.TypeOf(channel));
        }
    }

    [Fact]
    public void Filters_cover_a_devices_own_topics_only()
    {
        Assert.Equal("ambient/v1/kitchen-basil/down/#", Protocol.Topics.DownFilter("kitchen-basil"));
        Assert.Equal("ambient/v1/+/up/#", Protocol.Topics.AllUp);
        Assert.Equal("ambient/v1/+/status", Protocol.Topics.AllStatus);
    }
}
