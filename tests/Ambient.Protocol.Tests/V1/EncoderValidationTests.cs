namespace Ambient.Protocol.Tests.V1;

/// <summary>The encoder refuses what the decoder would refuse, naming the field, so a bug fails at the sender.</summary>
public sealed class EncoderValidationTests
{
    public static TheoryData<string, Message> Invalid() => new()
    {
        { "hello.kind", new HelloMessage { Kind = 0 } },
        { "telemetry.samples", new TelemetryMessage { SampleOffsets = [], Readings = [] } },
        { "telemetry.reading.value", Batch(new Reading(0, SensorKind.HumidityPermille, 1001)) },
        { "telemetry.reading.value", Batch(new Reading(0, SensorKind.TemperatureCentiCelsius, -4001)) },
        { "telemetry.reading.kind", Batch(new Reading(0, (SensorKind)99, 1)) },
        { "telemetry.reading.kind", Batch(new Reading(0, SensorKind.RssiDbm, -50), new Reading(0, SensorKind.RssiDbm, -60)) },
        { "telemetry.sample.readings", new TelemetryMessage { SampleOffsets = [0, 10], Readings = [new Reading(1, SensorKind.RssiDbm, -1)] } },
        { "telemetry.reading.sample", Batch(new Reading(0, SensorKind.RssiDbm, -1), new Reading(3, SensorKind.RssiDbm, -1)) },
        { "event.kind", new EventMessage { Kind = (EventKind)77 } },
        { "audio.index", Audio(a => { a.Index = 3; a.Count = 3; }) },
        { "audio.state", Audio(a => a.StepIndex = 89) },
        { "audio.data", Audio(a => { a.Format = AudioFormat.Pcm16; a.StepIndex = 0; a.Data = [1, 2, 3]; }) },
        { "audio.sample_rate", Audio(a => a.SampleRate = 7999) },
        { "ack.type", new AckMessage { AckedType = MessageType.Telemetry } },
        { "display.sections", new DisplayMessage { Sections = [] } },
        { "display.section.text", new DisplayMessage { Sections = [new DisplaySection(LayoutHint.Plain, new string('x', 513))] } },
        { "plant.moisture", new PlantStateMessage { Condition = PlantCondition.Ok, MoisturePermille = 1001 } },
        { "config.key", new ConfigMessage { Entries = [new ConfigEntry(ConfigKey.QuietEndMinute, 1), new ConfigEntry(ConfigKey.QuietEndMinute, 2)] } },
        { "time.utc_offset", new TimeMessage { UtcOffsetMinutes = 841 } },
        { "header.flags", new TimeMessage { Flags = (FrameFlags)0x80 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Out_of_range_fields_are_refused_by_name(string field, Message message)
    {
        var error = Assert.Throws<ArgumentException>(() => FrameEncoder.Encode(message));

        Assert.EndsWith(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_buffer_too_small_is_refused_with_an_argument_error()
    {
        var buffer = new byte[20];

        Assert.Throws<ArgumentException>(() => FrameEncoder.Encode(Samples.All[1].Message, buffer, 0));
    }

    private static TelemetryMessage Batch(params Reading[] readings) => new() { SampleOffsets = [0], Readings = readings };

    private static AudioChunkMessage Audio(Action<AudioChunkMessage> change)
    {
        var chunk = new AudioChunkMessage
        {
            StreamId = 1, Index = 0, Count = 3, Format = AudioFormat.ImaAdpcm, SampleRate = 16000, Data = [1, 2],
        };
        change(chunk);
        return chunk;
    }
}
