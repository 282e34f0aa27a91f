using System.Diagnostics;
using Ambient.Protocol;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Ambient.Benchmarks.Gateway;

/// <summary>
/// One registered device as an MQTTnet 5 client (MQTT 3.1.1, like the firmware) publishing valid telemetry frames
/// to its own up/telemetry topic at QoS 1. Every frame has a fresh (boot, seq), so none is a duplicate and each
/// stores exactly one reading row.
/// </summary>
internal sealed class Publisher : IDisposable
{
    private readonly IMqttClient _client;
    private readonly string _topic;
    private readonly ushort _boot;
    private readonly uint _timestamp;
    private uint _sequence;

    private Publisher(IMqttClient client, string id, ushort boot)
    {
        _client = client;
        Id = id;
        _topic = $"ambient/v1/{id}/up/telemetry";
        _boot = boot;
        _timestamp = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    }

    public string Id { get; }

    public static async Task<Publisher> ConnectAsync(int port, string id, string secret, ushort boot)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(id)
            .WithCredentials(id, secret)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(120))
            .Build();
        var result = await client.ConnectAsync(options).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"{id} was refused: {result.ResultCode}");
        }

        return new Publisher(client, id, boot);
    }

    /// <summary>Publishes the next frame; completes with the publish→PUBACK time in Stopwatch ticks.</summary>
    public async Task<long> PublishNextAsync()
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var frame = FrameEncoder.Encode(new TelemetryMessage
        {
            Flags = FrameFlags.None,
            BootId = _boot,
            Sequence = sequence,
            Timestamp = _timestamp,
            SampleOffsets = [0],
            Readings = [new Reading(0, SensorKind.TemperatureCentiCelsius, 2000 + (int)(sequence % 500))],
        });
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_topic)
            .WithPayload(frame)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var started = Stopwatch.GetTimestamp();
        var result = await _client.PublishAsync(message).ConfigureAwait(false);
        var elapsed = Stopwatch.GetTimestamp() - started;
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{Id}: publish refused ({result.ReasonCode})");
        }

        return elapsed;
    }

    public async Task DisconnectAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _client.Dispose();
}
