using System.Buffers;
using System.Collections.Concurrent;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Tests.Memory;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Tests.Devices;

public sealed class DeviceSetupTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData(2026, 12, 1, 60)]   // CET
    [InlineData(2026, 7, 1, 120)]   // CEST
    public void The_time_carries_the_households_offset_for_that_day(int year, int month, int day, short minutes)
    {
        var now = new DateTimeOffset(year, month, day, 7, 0, 0, TimeSpan.Zero);

        var time = DeviceSetup.Time(now, Berlin);

        Assert.Equal((uint)now.ToUnixTimeSeconds(), time.UnixSeconds);
        Assert.Equal(minutes, time.UtcOffsetMinutes);
    }

    [Fact]
    public void Only_a_magnet_gets_a_morning_window()
    {
        var config = DeviceSetup.Config(DeviceKind.FridgeMagnet, new TimeSpan(6, 30, 0), new TimeSpan(9, 30, 0));

        Assert.NotNull(config);
        Assert.Equal([new ConfigEntry(ConfigKey.MorningWindowStartMinute, 390), new ConfigEntry(ConfigKey.MorningWindowEndMinute, 570)], config.Entries);
        Assert.Null(DeviceSetup.Config(DeviceKind.Planter, TimeSpan.Zero, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task A_magnet_that_says_hello_is_sent_the_time_and_its_morning_window()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        await using var gateway = await MemoryGateway.StartAsync(clock);
        var magnet = await gateway.ConnectAsync("fridge-magnet", "fridge-magnet");
        var received = new ConcurrentQueue<Message>();
        magnet.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(FrameDecoder.Decode(e.ApplicationMessage.Payload.ToArray()).Message);
            return Task.CompletedTask;
        };
        await magnet.SubscribeAsync(Topics.DownFilter("fridge-magnet"), MqttQualityOfServiceLevel.AtLeastOnce);

        var hello = FrameEncoder.Encode(new HelloMessage { BootId = 1, Sequence = 0x80000000, Kind = DeviceKind.FridgeMagnet });
        Assert.True((await magnet.PublishQos1Async(Topics.For("fridge-magnet", Channel.Hello), hello)).IsSuccess);

        await Eventually.TrueAsync(() => received.Count >= 2, "time and config arrive");
        var time = Assert.Single(received.OfType<TimeMessage>());
        Assert.Equal(60, time.UtcOffsetMinutes);
        Assert.Equal((uint)clock.GetUtcNow().ToUnixTimeSeconds(), time.UnixSeconds);
        Assert.Contains(Assert.Single(received.OfType<ConfigMessage>()).Entries, e => e.Key == ConfigKey.MorningWindowStartMinute);
    }
}
