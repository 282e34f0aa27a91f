using Ambient.Firmware.Apps;
using Ambient.Firmware.Audio;
using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Simulator.Hardware;
using Ambient.Protocol;
using Ambient.Protocol.Audio;

namespace Ambient.Firmware.Core.Tests.Apps;

/// <summary>The earbud app with a recording MQTT link: it idles connected, wakes for speech, asks for a lost chunk.</summary>
public sealed class EarbudAppTests : IPowerTrace, IButton, IBattery, ILog
{
    private const string Id = "earbud-ana";
    private readonly VirtualTime _time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly RecordingMqttLink _link = new();
    private readonly SimulatedSpeaker _speaker;
    private readonly EarbudApp _app;

    public EarbudAppTests()
    {
        var clock = new SimulatedClock(_time);
        clock.PowerOn();
        var context = new DeviceContext(new DeviceCredentials(Id, "secret"), clock, new SimulatedNetwork(_time, _ => true, -60), _link,
            new SimulatedSettings(), new SimulatedFlash(), this, this, new Random(1));
        _speaker = new SimulatedSpeaker(_time);
        _app = new EarbudApp(context, new EarbudHardware(new SimulatedMicrophone(_time, 1), _speaker, this, this));
    }

    [Fact]
    public void Between_wakes_it_stays_connected_so_that_a_downlink_or_the_button_wakes_it()
    {
        var sleep = _app.Wake(WakeCause.PowerOn);

        Assert.Equal(WakeSources.Button | WakeSources.Data, sleep.Sources);
        Assert.True(_link.IsConnected);
        Assert.Equal(1, _link.Connects);
    }

    [Fact]
    public void Woken_by_speech_it_plays_it_asks_once_for_a_lost_chunk_and_bridges_it_without_a_click()
    {
        _app.Wake(WakeCause.PowerOn);
        var chunks = Speech(streamId: 40, chunks: 6);
        foreach (var chunk in chunks.Where(c => c.Index != 2))
        {
            _link.Queue(Id, Channel.AudioDown, chunk);
        }

        var sleep = _app.Wake(WakeCause.Data);

        var asked = Assert.Single(_link.Sent<EventMessage>(), e => e.Kind == EventKind.AudioMissing);
        Assert.Equal((40, 2), (AudioMissingRef.StreamId(asked.Reference), AudioMissingRef.Index(asked.Reference)));
        Assert.Equal(1, _app.MissingRequested);
        Assert.Equal(1, _app.Jitter.SkippedChunks);
        // Five chunks of speech, one of bridging silence, and the fade to rest at the end.
        Assert.Equal((6 * 1600) + JitterBuffer.FadeSamples, _speaker.SamplesPlayed);
        Assert.True(_speaker.LargestStep < 1500, $"a click: the speaker jumped by {_speaker.LargestStep}");
        Assert.Equal(WakeSources.Button | WakeSources.Data, sleep.Sources);
        Assert.True(_link.IsConnected, "still connected for the next one");
    }

    [Fact]
    public void A_stream_longer_than_the_listen_window_is_played_to_its_end_in_one_wake()
    {
        _app.Wake(WakeCause.PowerOn);
        foreach (var chunk in Speech(streamId: 41, chunks: 40))
        {
            _link.Queue(Id, Channel.AudioDown, chunk);
        }

        _app.Wake(WakeCause.Data);

        Assert.Equal((40 * 1600) + JitterBuffer.FadeSamples, _speaker.SamplesPlayed);
        Assert.Equal(0, _app.MissingRequested);
    }

    void IPowerTrace.Enter(PowerState state)
    {
    }

    ButtonPress IButton.TakePress() => ButtonPress.None;

    int IBattery.ReadMillivolts() => 3900;

    void ILog.Write(string line)
    {
    }

    // A 220 Hz tone of `chunks` × 100 ms as the gateway sends speech: count, total, per-chunk ADPCM state, Final last.
    private static AudioChunkMessage[] Speech(ushort streamId, int chunks)
    {
        var samples = chunks * 1600;
        var pcm = new byte[samples * 2];
        for (var n = 0; n < samples; n++)
        {
            var s = (short)(6000 * Math.Sin(2 * Math.PI * 220 * n / 16000));
            pcm[2 * n] = (byte)s;
            pcm[(2 * n) + 1] = (byte)(s >> 8);
        }

        var encoder = new ImaAdpcmEncoder();
        var result = new AudioChunkMessage[chunks];
        for (var i = 0; i < chunks; i++)
        {
            result[i] = new AudioChunkMessage
            {
                StreamId = streamId, Index = (ushort)i, Count = (ushort)chunks, Format = AudioFormat.ImaAdpcm, SampleRate = 16000,
                TotalSamples = (uint)samples, Predictor = encoder.Predictor, StepIndex = encoder.StepIndex,
                AudioFlags = i == chunks - 1 ? AudioFlags.Final : AudioFlags.None, Data = new byte[800], Sequence = (uint)(100 + i),
            };
            encoder.Encode(pcm, i * 3200, 1600, result[i].Data, 0);
        }

        return result;
    }
}
