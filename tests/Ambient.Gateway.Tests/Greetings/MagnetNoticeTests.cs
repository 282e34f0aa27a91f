using System.Collections.Concurrent;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Tests.Memory;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Tests.Greetings;

/// <summary>A plant report reaches a sleeping magnet at its next wake, and only once.</summary>
public sealed class MagnetNoticeTests : IAsyncLifetime
{
    private const string Magnet = "fridge-magnet";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 28, 5, 40, 0, TimeSpan.Zero));
    private MemoryGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await MemoryGateway.StartAsync(_time);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_plant_report_waits_retained_for_the_sleeping_magnet_and_is_cleared_once_it_is_acknowledged()
    {
        var secret = _gateway.Services.GetRequiredService<DeviceRegistry>().Add(Magnet, "fridge-magnet").Secret;
        var notices = _gateway.Services.GetRequiredService<MagnetNotices>();

        // The magnet is asleep (not connected) when the basil turns thirsty.
        await _gateway.Services.GetRequiredService<PlantMonitor>()
            .OnReadingsAsync("kitchen-basil", [(_time.GetUtcNow(), SensorKind.SoilMoisturePermille, 300)]);
        await Eventually.TrueAsync(() => notices.Waiting(Magnet) is not null, "the report is waiting for the magnet");

        // Next wake: it subscribes and gets the report at once.
        var (client, shown) = await WakeAsync(secret);
        await Eventually.TrueAsync(() => !shown.IsEmpty, "the magnet gets the retained report");
        var display = Assert.IsType<DisplayMessage>(FrameDecoder.Decode(shown.First()).Message);
        var section = Assert.Single(display.Sections);
        Assert.Equal(LayoutHint.PlantAlert, section.Hint);
        Assert.Contains("Basil", section.Text, StringComparison.Ordinal);
        var remembered = Assert.Single(_gateway.Services.GetRequiredService<MemoryStore>().Search(null, 10), m => m.Kind == MemoryKinds.Plant);
        Assert.Equal(section.Text, remembered.Text);

        // It shows it and says so; the gateway then clears the retained copy.
        var ack = FrameEncoder.Encode(new AckMessage
        {
            BootId = 1, Sequence = 1, Timestamp = (uint)_time.GetUtcNow().ToUnixTimeSeconds(),
            AckedType = MessageType.Display, AckedSequence = display.Sequence, Status = AckStatus.Applied,
        });
        Assert.True((await client.PublishQos1Async(Topics.For(Magnet, Channel.Ack), ack)).IsSuccess);
        await Eventually.TrueAsync(() => notices.Waiting(Magnet) is null, "the ack clears the waiting report");
        await client.DisconnectAsync();
        // A real magnet sleeps between wakes; reconnecting before the broker has closed the old connection races
        // MQTTnet's session take-over (under load the new connection was the one dropped).
        var broker = _gateway.Services.GetRequiredService<EmbeddedBroker>();
        await Eventually.TrueAsync(() => !broker.ConnectedClientIdsAsync().GetAwaiter().GetResult().Contains(Magnet), "the broker has closed the first wake");

        // The wake after that shows nothing old.
        var (_, again) = await WakeAsync(secret);
        await Task.Delay(1000);
        Assert.Empty(again);
    }

    private async Task<(IMqttClient Client, ConcurrentQueue<byte[]> Shown)> WakeAsync(string secret)
    {
        var client = await MqttDevice.ConnectAcceptedAsync(_gateway.Services.GetRequiredService<EmbeddedBroker>().Port, Magnet, secret);
        var shown = new ConcurrentQueue<byte[]>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            shown.Enqueue(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(Topics.For(Magnet, Channel.Display), MqttQualityOfServiceLevel.AtLeastOnce);
        return (client, shown);
    }
}
