using System.Buffers;
using System.Collections.Concurrent;
using Ambient.Protocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace Ambient.Firmware.Simulator.Tests.Support;

/// <summary>
/// Stands where the gateway will: subscribes to every device's up topics at QoS 1 and decodes what arrives,
/// keeping each sample's identity so a run can be checked for loss and duplication.
/// </summary>
internal sealed class TelemetryCollector : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public ConcurrentDictionary<(string Device, ushort Boot, uint Sequence), int> Samples { get; } = new();

    public ConcurrentBag<(string Device, Message Message)> Frames { get; } = [];

    public ConcurrentBag<string> Rejected { get; } = [];

    public static async Task<TelemetryCollector> StartAsync(int port)
    {
        var collector = new TelemetryCollector();
        collector._client.ApplicationMessageReceivedAsync += e =>
        {
            var topic = Topics.Parse(e.ApplicationMessage.Topic);
            if (topic.Channel == Channel.Status)
            {
                return Task.CompletedTask;
            }

            var result = FrameDecoder.Decode(e.ApplicationMessage.Payload.ToArray());
            if (!result.IsOk)
            {
                collector.Rejected.Add($"{topic.DeviceId}: {result.Describe()}");
                return Task.CompletedTask;
            }

            collector.Frames.Add((topic.DeviceId, result.Message));
            if (result.Message is EventMessage { Kind: EventKind.Wake } wake)
            {
                // Answer a spoken question with speech: a 0.6 s tone as IMA ADPCM chunks.
                _ = Task.Run(() => collector.SendSpeechAsync(topic.DeviceId, (ushort)(wake.Reference + 100)));
            }

            if (result.Message is EventMessage { Kind: EventKind.GreetingRequest })
            {
                // Answer like the gateway: the greeting goes down to the device that asked.
                _ = Task.Run(() => collector.SendGreetingAsync(topic.DeviceId));
            }
            if (result.Message is TelemetryMessage telemetry)
            {
                for (var i = 0; i < telemetry.SampleOffsets.Length; i++)
                {
                    collector.Samples.AddOrUpdate((topic.DeviceId, telemetry.BootId, telemetry.SequenceOf(i)), 1, (_, n) => n + 1);
                }
            }

            return Task.CompletedTask;
        };
        await collector._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port).WithClientId("test-collector").Build());
        await collector._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("ambient/v1/+/up/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build());
        return collector;
    }

    public int GreetingsSent => _greetings;

    private int _greetings;

    private async Task SendGreetingAsync(string deviceId)
    {
        var display = new DisplayMessage
        {
            Sequence = (uint)Interlocked.Increment(ref _greetings), Timestamp = 1_796_112_000,
            Sections = [new DisplaySection(LayoutHint.Greeting, "Good morning, Ana."), new DisplaySection(LayoutHint.Weather, "12° and cloudy")],
        };
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.For(deviceId, Channel.Display)).WithPayload(FrameEncoder.Encode(display))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
    }

    public const int SpeechSamples = 9600;

    private async Task SendSpeechAsync(string deviceId, ushort stream)
    {
        var pcm = new byte[SpeechSamples * 2];
        for (var i = 0; i < SpeechSamples; i++)
        {
            var sample = (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / 16000.0));
            pcm[2 * i] = (byte)sample;
            pcm[(2 * i) + 1] = (byte)(sample >> 8);
        }

        var encoder = new Protocol.Audio.ImaAdpcmEncoder();
        const int perChunk = 1600;
        var count = (ushort)(SpeechSamples / perChunk);
        for (ushort index = 0; index < count; index++)
        {
            var chunk = new AudioChunkMessage
            {
                StreamId = stream, Index = index, Count = count, Format = AudioFormat.ImaAdpcm, SampleRate = 16000,
                TotalSamples = SpeechSamples, Predictor = encoder.Predictor, StepIndex = encoder.StepIndex,
                Data = new byte[perChunk / 2],
            };
            encoder.Encode(pcm, index * perChunk * 2, perChunk, chunk.Data, 0);
            await _client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(Topics.For(deviceId, Channel.AudioDown)).WithPayload(FrameEncoder.Encode(chunk))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }
    }

    /// <summary>Waits until nothing new has arrived for a moment (QoS 1 delivery to this subscriber is asynchronous).</summary>
    public async Task SettleAsync()
    {
        var last = -1;
        for (var i = 0; i < 100 && Frames.Count != last; i++)
        {
            last = Frames.Count;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}
