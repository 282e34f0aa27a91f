using Ambient.Gateway.Devices;

namespace Ambient.Gateway.Tests.Devices;

public sealed class DeviceAclTests
{
    [Theory]
    [InlineData("ambient/v1/kitchen-basil/up/telemetry", true)]
    [InlineData("ambient/v1/kitchen-basil/up/hello", true)]
    [InlineData("ambient/v1/kitchen-basil/up/event", true)]
    [InlineData("ambient/v1/kitchen-basil/up/audio", true)]
    [InlineData("ambient/v1/kitchen-basil/up/ack", true)]
    [InlineData("ambient/v1/kitchen-basil/status", true)]
    [InlineData("ambient/v1/kitchen-basil/up/other", false)]
    [InlineData("ambient/v1/kitchen-basil/up/telemetry/extra", false)]
    [InlineData("ambient/v1/kitchen-basil/down/display", false)]
    [InlineData("ambient/v1/hall-magnet/up/telemetry", false)]
    [InlineData("ambient/v1/hall-magnet/status", false)]
    [InlineData("ambient/v2/kitchen-basil/up/telemetry", false)]
    [InlineData("", false)]
    public void A_device_publishes_only_to_its_own_up_channels_and_status(string topic, bool allowed)
    {
        Assert.Equal(allowed, DeviceAcl.MayPublish("kitchen-basil", topic));
    }

    [Theory]
    [InlineData("ambient/v1/kitchen-basil/down/#", true)]
    [InlineData("ambient/v1/kitchen-basil/down/+", true)]
    [InlineData("ambient/v1/kitchen-basil/down/plant", true)]
    [InlineData("ambient/v1/kitchen-basil/down/time", true)]
    [InlineData("ambient/v1/kitchen-basil/#", false)]
    [InlineData("ambient/v1/kitchen-basil/up/telemetry", false)]
    [InlineData("ambient/v1/+/down/#", false)]
    [InlineData("ambient/v1/hall-magnet/down/#", false)]
    [InlineData("#", false)]
    [InlineData("+/+/+/+/+", false)]
    [InlineData("$SYS/#", false)]
    public void A_device_subscribes_only_to_its_own_down_channels(string filter, bool allowed)
    {
        Assert.Equal(allowed, DeviceAcl.MaySubscribe("kitchen-basil", filter));
    }
}
