using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Ambient.Gateway.Dashboard;
using Ambient.Gateway.HomeAssistant;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Tests.HomeAssistant;

/// <summary>
/// Discovery as Home Assistant receives it: a real MQTTnet client logs in to the embedded broker with Home
/// Assistant's credentials and subscribes the way HA does; devices stay deny-by-default.
/// </summary>
public sealed class HomeAssistantBrokerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestGateway.DefaultNow);
    private readonly ConcurrentQueue<(string Topic, string Payload, bool Retained)> _received = new();
    private readonly List<IMqttClient> _clients = [];
    private HomeAssistantGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await HomeAssistantGateway.StartAsync(_time);

    [Fact]
    public async Task Home_assistant_receives_retained_configs_and_state_and_a_revoked_device_is_removed()
    {
        var provisioning = _gateway.Services.GetRequiredService<DeviceProvisioning>();
        var added = await provisioning.AddAsync("kitchen-basil", "planter");
        var ha = await ConnectHomeAssistantAsync();
        await ha.SubscribeAsync("homeassistant/#", MqttQualityOfServiceLevel.AtLeastOnce);
        await ha.SubscribeAsync("ambient/ha/#", MqttQualityOfServiceLevel.AtLeastOnce);

        var configTopics = DiscoveryPayloads.For(added.Device, new DiscoveryTopics(new HomeAssistantOptions())).Select(m => m.Topic).ToList();
        await Eventually.TrueAsync(() => configTopics.All(t => Latest(t) is { Length: > 0 }), "every retained config");
        Assert.All(configTopics, t => Assert.Contains(_received, m => m.Topic == t && m.Retained));
        // The availability comes through the second subscription, which may deliver its retained message after the
        // first one's (CI saw null here once): wait for it rather than read it at once.
        await Eventually.TrueAsync(() => Latest("ambient/ha/gateway/availability") is not null, "the retained availability");
        Assert.Equal("online", Latest("ambient/ha/gateway/availability"));
        var moistureConfig = JsonDocument.Parse(Latest("homeassistant/sensor/ambient_kitchen-basil_soil_moisture/config")!).RootElement;
        Assert.Equal("moisture", moistureConfig.GetProperty("device_class").GetString());
        Assert.Equal(21600, moistureConfig.GetProperty("expire_after").GetInt32());

        // The device reports; the gateway publishes its state JSON, which the configs' templates read.
        var device = await MqttDevice.ConnectAcceptedAsync(_gateway.BrokerPort, "kitchen-basil", added.Secret);
        _clients.Add(device);
        await device.PublishQos1Async(Topics.For("kitchen-basil", Channel.Hello), Frames.Hello(1, 10));
        await device.PublishQos1Async(Topics.For("kitchen-basil", Channel.Telemetry), Frames.Telemetry(1, 1, 1_780_000_000, FrameFlags.None,
            (0, SensorKind.TemperatureCentiCelsius, 2150), (0, SensorKind.SoilMoisturePermille, 455), (0, SensorKind.IlluminanceLux, 320)));
        await Eventually.TrueAsync(() => Latest("ambient/ha/kitchen-basil/state")?.Contains("temperature", StringComparison.Ordinal) == true, "the device's state");
        var state = JsonDocument.Parse(Latest("ambient/ha/kitchen-basil/state")!).RootElement;
        Assert.Equal(21.5, state.GetProperty("temperature").GetDouble());
        Assert.Equal(320, state.GetProperty("illuminance").GetDouble());
        Assert.True(state.TryGetProperty("soil_moisture", out _));
        Assert.Equal("1.2.3", JsonDocument.Parse(Latest("homeassistant/sensor/ambient_kitchen-basil_rssi/config")!).RootElement.GetProperty("device").GetProperty("sw_version").GetString());

        // When HA comes back online it gets everything again.
        var before = _received.Count;
        await ha.PublishQos1Async("homeassistant/status", Encoding.UTF8.GetBytes("online"));
        await Eventually.TrueAsync(() => _received.Skip(before).Count(m => configTopics.Contains(m.Topic)) >= configTopics.Count, "configs re-published after HA's birth message");

        // Revoked: an empty retained payload on every config topic and the state topic.
        Assert.True(await provisioning.RevokeAsync("kitchen-basil"));
        await Eventually.TrueAsync(() => configTopics.All(t => Latest(t) == ""), "empty configs after revoke");
        Assert.Equal("", Latest("ambient/ha/kitchen-basil/state"));

        // A later subscriber (HA after a restart) finds nothing retained for the revoked device.
        var late = new ConcurrentQueue<string>();
        var ha2 = await ConnectHomeAssistantAsync(late);
        await ha2.SubscribeAsync("homeassistant/#", MqttQualityOfServiceLevel.AtLeastOnce);
        await Task.Delay(500);
        Assert.DoesNotContain(late, t => t.Contains("kitchen-basil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_assistant_and_devices_each_get_only_their_own_topics()
    {
        var secret = _gateway.Registry.Add("kitchen-basil", "planter").Secret;
        var ha = await ConnectHomeAssistantAsync();
        var everything = await ha.SubscribeAsync("#", MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, everything.Items.Single().ResultCode);
        var devices = await ha.SubscribeAsync("ambient/v1/+/up/#", MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, devices.Items.Single().ResultCode);
        var command = await ha.PublishQos1Async(Topics.For("kitchen-basil", Channel.Display), [1, 2, 3]);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, command.ReasonCode);

        var device = await MqttDevice.ConnectAcceptedAsync(_gateway.BrokerPort, "kitchen-basil", secret);
        _clients.Add(device);
        var snoop = await device.SubscribeAsync("homeassistant/#", MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, snoop.Items.Single().ResultCode);
        var spoof = await device.PublishQos1Async("homeassistant/status", Encoding.UTF8.GetBytes("online"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, spoof.ReasonCode);

        var (wrong, result) = await MqttDevice.ConnectAsync(_gateway.BrokerPort, "ha", "homeassistant", "not-the-password");
        _clients.Add(wrong);
        Assert.NotEqual(MqttClientConnectResultCode.Success, result.ResultCode);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _gateway.DisposeAsync();
    }

    private string? Latest(string topic) => _received.LastOrDefault(m => m.Topic == topic) is { Topic: not null } m ? m.Payload : null;

    private async Task<IMqttClient> ConnectHomeAssistantAsync(ConcurrentQueue<string>? topics = null)
    {
        var credentials = _gateway.Services.GetRequiredService<HomeAssistantCredentials>();
        var (client, result) = await MqttDevice.ConnectAsync(_gateway.BrokerPort, "home-assistant-" + _clients.Count, credentials.UserName, credentials.Password);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
            if (topics is null)
            {
                _received.Enqueue((e.ApplicationMessage.Topic, payload, e.ApplicationMessage.Retain));
            }
            else if (payload.Length > 0)
            {
                topics.Enqueue(e.ApplicationMessage.Topic);
            }

            return Task.CompletedTask;
        };
        _clients.Add(client);
        return client;
    }
}
