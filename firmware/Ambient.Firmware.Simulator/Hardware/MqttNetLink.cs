using System.Collections.Concurrent;
using System.Buffers;
using Ambient.Firmware.Hal;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// The device's MQTT session over a real MQTTnet client (MQTT 3.1.1, as M2Mqtt speaks it on the ESP32). Calls block
/// like the device's do; virtual time advances by LAN-typical round trips, real waits are scaled by the run's speed.
/// </summary>
internal sealed class MqttNetLink(VirtualTime time, string host, int port, Pacing pacing, Action<string> log) : IMqttLink, IDisposable
{
    private const int ConnectMilliseconds = 200;
    private const int RoundTripMilliseconds = 30;

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly BlockingCollection<MqttDelivery> _inbox = [];
    private bool _handlerAttached;

    public bool IsConnected => _client.IsConnected;

    /// <summary>A delivery is waiting to be received.</summary>
    public bool HasDelivery => _inbox.Count > 0;

    /// <summary>Raised on the client's thread when a delivery arrives (a connected-idle device wakes on it).</summary>
    public event Action? Delivered;

    /// <summary>Bytes of MQTT packets this device put on the air (CONNECT, SUBSCRIBE, PUBLISH, DISCONNECT).</summary>
    public long BytesSent { get; private set; }

    /// <summary>Of <see cref="BytesSent"/>, the PUBLISH packets carrying telemetry.</summary>
    public long TelemetryBytesSent { get; private set; }

    public bool Connect(string clientId, string username, string password, string willTopic, byte[] willPayload, int timeoutMilliseconds)
    {
        AttachHandler();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(clientId)
            .WithCredentials(username, password)
            .WithCleanSession(true)
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTimeout(TimeSpan.FromMilliseconds(timeoutMilliseconds))
            .Build();
        try
        {
            var result = _client.ConnectAsync(options).GetAwaiter().GetResult();
            time.Advance(TimeSpan.FromMilliseconds(ConnectMilliseconds));

            // CONNECT (MQTT 3.1.1 §3.1): fixed header, 10-byte variable header, then length-prefixed client id,
            // will topic, will payload, username and password.
            BytesSent += 2 + 10 + (2 + clientId.Length) + (2 + willTopic.Length) + (2 + willPayload.Length) +
                         (2 + username.Length) + (2 + password.Length);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                log($"mqtt connect refused: {result.ResultCode}");
                return false;
            }

            return true;
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            time.Advance(TimeSpan.FromMilliseconds(timeoutMilliseconds));
            log($"mqtt connect failed: {e.Message}");
            return false;
        }
    }

    public bool Publish(string topic, byte[] payload, int offset, int count, bool retain, int timeoutMilliseconds)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(new ReadOnlySequence<byte>(payload, offset, count).ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(timeoutMilliseconds));
            var result = _client.PublishAsync(message, timeout.Token).GetAwaiter().GetResult();
            time.Advance(TimeSpan.FromMilliseconds(RoundTripMilliseconds));

            // PUBLISH at QoS 1 (§3.3): fixed header with remaining length, topic, packet id, payload.
            var remaining = 2 + topic.Length + 2 + count;
            var packet = 1 + (remaining < 128 ? 1 : remaining < 16384 ? 2 : 3) + remaining;
            BytesSent += packet;
            if (topic.EndsWith("/up/telemetry", StringComparison.Ordinal))
            {
                TelemetryBytesSent += packet;
            }
            return result.IsSuccess;
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or MqttClientNotConnectedException)
        {
            time.Advance(TimeSpan.FromMilliseconds(timeoutMilliseconds));
            log($"mqtt publish to {topic} failed: {e.Message}");
            return false;
        }
    }

    public bool Subscribe(string topicFilter, int timeoutMilliseconds)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(timeoutMilliseconds));
            var options = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(topicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            var result = _client.SubscribeAsync(options, timeout.Token).GetAwaiter().GetResult();
            time.Advance(TimeSpan.FromMilliseconds(RoundTripMilliseconds));
            BytesSent += 2 + 2 + 2 + topicFilter.Length + 1;
            return result.Items.All(i => i.ResultCode <= MqttClientSubscribeResultCode.GrantedQoS2);
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or MqttClientNotConnectedException)
        {
            log($"mqtt subscribe to {topicFilter} failed: {e.Message}");
            return false;
        }
    }

    public MqttDelivery? Receive(int timeoutMilliseconds)
    {
        if (_inbox.TryTake(out var delivery, pacing.RealWait(timeoutMilliseconds)))
        {
            time.Advance(TimeSpan.FromMilliseconds(RoundTripMilliseconds));
            return delivery;
        }

        time.Advance(TimeSpan.FromMilliseconds(timeoutMilliseconds));
        return null;
    }

    public void Disconnect()
    {
        if (_client.IsConnected)
        {
            _client.DisconnectAsync().GetAwaiter().GetResult();
            BytesSent += 2;
        }

        // Whatever was not taken in this wake is gone with the device's RAM at deep sleep.
        while (_inbox.TryTake(out _))
        {
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _inbox.Dispose();
    }

    private void AttachHandler()
    {
        if (_handlerAttached)
        {
            return;
        }

        _handlerAttached = true;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _inbox.Add(new MqttDelivery(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            Delivered?.Invoke();
            return Task.CompletedTask;
        };
    }
}
