using System.Collections.Concurrent;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Tests.Support;
using Ambient.Gateway.Tests.Voice.WakeWord;
using Ambient.Gateway.Voice;
using Ambient.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Formatter;

namespace Ambient.Gateway.Tests.Voice;

/// <summary>
/// End to end, hands free: the earbud's uplink carries "hey ambient, what's next?" said by a voice held out of the
/// wake-word model's training, with no talk-button event. The real gateway (embedded broker, the shipped wake-word
/// model in ONNX Runtime, calendar, espeak-ng) hears the wake word in the reassembled stream and speaks the answer
/// back down to the earbud. An ordinary sentence on the same path is heard and not answered.
/// </summary>
public sealed class WakeWordToAnswerTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 28, 5, 20, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_wake_word_in_the_earbuds_uplink_gets_the_next_event_spoken_back_without_the_button()
    {
        var time = new FakeTimeProvider(Now);
        await using var gateway = await VoiceGateway.StartAsync(time, ("Standup", Now.AddHours(2)));
        var services = gateway.Services;
        var answered = new TaskCompletionSource<SpokenStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        services.GetRequiredService<VoiceAssistant>().AnsweredAsync += s =>
        {
            answered.TrySetResult(s);
            return Task.CompletedTask;
        };

        var secret = services.GetRequiredService<DeviceRegistry>().Add(VoiceGateway.EarbudId, "earbud").Secret;
        var downlink = new ConcurrentBag<AudioChunkMessage>();
        using var earbud = await MqttDevice.ConnectAcceptedAsync(gateway.BrokerPort, VoiceGateway.EarbudId, secret, MqttProtocolVersion.V311);
        earbud.ApplicationMessageReceivedAsync += e =>
        {
            if (FrameDecoder.Decode(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)) is { IsOk: true, Message: AudioChunkMessage chunk })
            {
                downlink.Add(chunk);
            }

            return Task.CompletedTask;
        };
        await earbud.SubscribeAsync(Topics.DownFilter(VoiceGateway.EarbudId), MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);
        var counters = services.GetRequiredService<VoiceCounters>();

        // An ordinary sentence first: reassembled, listened to, not answered.
        await UploadAsync(earbud, streamId: 6, "the kettle is boiling in the kitchen");
        await Eventually.TrueAsync(() => counters.Utterances == 1, "the sentence was reassembled", 20000);
        Assert.Equal(0, counters.WakeWordsDetected);
        Assert.Equal(0, counters.AnswersSpoken);

        // Then the wake word and the question, by a held-out voice (en-029 + m4 at 170 wpm, pitch 58).
        await UploadAsync(earbud, streamId: 7, "hey ambient, what's next?");
        var answer = await answered.Task.WaitAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(1, counters.WakeWordsDetected);
        Assert.Contains("Standup", answer.Text, StringComparison.Ordinal);
        Assert.Equal([VoiceGateway.EarbudId], answer.Devices);
        // The answer went down to the earbud as ADPCM chunks, every one of the stream.
        await Eventually.TrueAsync(() => downlink.Count(c => c.StreamId == answer.StreamId) >= answer.Chunks, $"{answer.Chunks} chunks of the answer arrived", 20000);
        var memory = services.GetRequiredService<MemoryStore>().Search(null, 20);
        Assert.Contains(memory, m => m.Kind == MemoryKinds.Wake && m.Device == VoiceGateway.EarbudId &&
                                     m.Text.Contains("said the wake word", StringComparison.Ordinal) && m.Text.Contains("Standup", StringComparison.Ordinal));
    }

    // What the earbud's uplink sends for one utterance: 16 kHz speech with a little quiet either side, as IMA-ADPCM
    // chunks of 100 ms on its audio-up topic, without the Wake event the talk button would send first.
    private static async Task UploadAsync(IMqttClient earbud, ushort streamId, string text)
    {
        var speech = SyntheticSpeech.Render(text, "en-029+m4", 170, 58);
        var padded = new float[speech.Length + 16000];
        speech.CopyTo(padded, 8000);
        foreach (var chunk in SpeechChunker.Chunk(SyntheticSpeech.ToPcm16(SyntheticSpeech.Scale(padded, 0.5f)), streamId, 1600))
        {
            await earbud.PublishQos1Async(Topics.For(VoiceGateway.EarbudId, Topics.ChannelOf(chunk.Type, true)), FrameEncoder.Encode(chunk));
        }
    }
}
