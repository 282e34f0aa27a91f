using Ambient.Protocol.V1;
using CsCheck;

namespace Ambient.Protocol.Tests.V1;

/// <summary>CsCheck generators for every valid message the wire format can carry.</summary>
internal static class MessageGen
{
    private static readonly SensorKind[] Kinds = [.. Enumerable.Range(0, SensorCatalog.Count).Select(i => SensorCatalog.At(i).Kind)];

    /// <summary>Text the wire accepts: no NUL, no unpaired surrogates; ASCII, Latin, other BMP and astral characters.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
            (6, Gen.Char[' ', '~'].Select(c => c.ToString())),
            (2, Gen.Char['\u0080', '\u07FF'].Select(c => c.ToString())),
            (2, Gen.OneOf(Gen.Char['\u0800', '\uD7FF'], Gen.Char['\uE000', '\uFFFF']).Select(c => c.ToString())),
            (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
            (1, Gen.Char['\u0001', '\u001F'].Select(c => c.ToString())))
        .Array[0, 100]
        .Select(parts => string.Concat(parts));

    // Declared after Text, which the display generator reads while this initializer runs.
    public static readonly Gen<Message> Any = Gen.OneOf(
        Header(Hello()), Header(Telemetry()), Header(Event()), Header(Audio()), Header(Ack()),
        Header(Display()), Header(Plant()), Header(Config()), Header(Time()));

    private static Gen<Message> Header<T>(Gen<T> body)
        where T : Message =>
        Gen.Select(body, Gen.Byte[0, FrameLayout.DefinedFlags], Gen.UShort, Gen.UInt, Gen.UInt)
            .Select((m, flags, boot, seq, time) =>
            {
                m.Flags = (FrameFlags)flags;
                m.BootId = boot;
                m.Sequence = seq;
                m.Timestamp = time;
                return (Message)m;
            });

    private static Gen<HelloMessage> Hello() =>
        Gen.Select(Gen.Int[1, 3], Gen.Byte, Gen.Byte, Gen.UShort, Gen.UShort[0, 0x3FFF], Gen.UInt, Gen.Int[0, 6])
            .Select((kind, major, minor, patch, caps, uptime, reset) => new HelloMessage
            {
                Kind = (DeviceKind)kind, FirmwareMajor = major, FirmwareMinor = minor, FirmwarePatch = patch,
                Capabilities = (Capabilities)caps, UptimeSeconds = uptime, ResetReason = (ResetReason)reset,
            });

    private static Gen<TelemetryMessage> Telemetry() =>
        Gen.Select(Gen.UInt, Gen.Int[1, (1 << Kinds.Length) - 1], Gen.Int.Array[Kinds.Length])
            .Array[1, 100]
            .Select(samples =>
            {
                var readings = new List<Reading>();
                for (var s = 0; s < samples.Length; s++)
                {
                    var (_, mask, raw) = samples[s];
                    for (var k = 0; k < Kinds.Length; k++)
                    {
                        if ((mask & (1 << k)) != 0)
                        {
                            var d = SensorCatalog.Find(Kinds[k]);
                            var span = (long)d.Maximum - d.Minimum + 1;
                            readings.Add(new Reading((byte)s, d.Kind, (int)(d.Minimum + (((long)raw[k] % span) + span) % span)));
                        }
                    }
                }

                return new TelemetryMessage { SampleOffsets = [.. samples.Select(x => x.Item1)], Readings = [.. readings] };
            });

    private static Gen<EventMessage> Event() =>
        Gen.Select(Gen.Int[1, 7], Gen.Byte, Gen.UInt)
            .Select((kind, code, reference) => new EventMessage { Kind = (EventKind)kind, Code = code, Reference = reference });

    private static Gen<AudioChunkMessage> Audio() =>
        Gen.Select(Gen.Bool, Gen.UShort, Gen.UShort, Gen.UShort[0, 200], Gen.Bool, Gen.UShort[8000, 48000], Gen.UInt)
            .SelectMany(t => Gen.Select(Gen.Short, Gen.Byte[0, 88], Gen.Byte.Array[0, FrameLayout.MaxAudioBytes / 2])
                .Select((predictor, step, half) =>
                {
                    var (adpcm, stream, index, extra, final, rate, total) = t;
                    var count = extra == 0 ? (ushort)0 : (ushort)Math.Min(ushort.MaxValue, index + extra);
                    return new AudioChunkMessage
                    {
                        StreamId = stream, Index = count == 0 ? index : (ushort)Math.Min(index, count - 1), Count = count,
                        AudioFlags = final ? AudioFlags.Final : AudioFlags.None,
                        Format = adpcm ? AudioFormat.ImaAdpcm : AudioFormat.Pcm16, SampleRate = rate, TotalSamples = total,
                        Predictor = adpcm ? predictor : (short)0, StepIndex = adpcm ? step : (byte)0,
                        Data = adpcm ? half : [.. half, .. half],
                    };
                }));

    private static Gen<AckMessage> Ack() =>
        Gen.Select(Gen.OneOf(MessageType.Audio, MessageType.Display, MessageType.PlantState, MessageType.Config, MessageType.Time),
                Gen.UInt, Gen.Int[0, 3])
            .Select((type, seq, status) => new AckMessage { AckedType = type, AckedSequence = seq, Status = (AckStatus)status });

    private static Gen<DisplayMessage> Display() =>
        Gen.Select(Gen.Bool, Gen.Select(Gen.Int[0, 5], Text).Array[1, FrameLayout.MaxDisplaySections])
            .Select((full, sections) => new DisplayMessage
            {
                FullRefresh = full,
                Sections = [.. sections.Select(s => new DisplaySection((LayoutHint)s.Item1, s.Item2))],
            });

    private static Gen<PlantStateMessage> Plant() =>
        Gen.Select(Gen.Int[0, 6], Gen.Frequency((9, Gen.UShort[0, 1000]), (1, Gen.Const(PlantStateMessage.UnknownMoisture))), Gen.Byte)
            .Select((condition, moisture, days) => new PlantStateMessage
            {
                Condition = (PlantCondition)condition, MoisturePermille = moisture, DaysUntilDry = days,
            });

    private static Gen<ConfigMessage> Config() =>
        Gen.Select(Gen.Int[1, (1 << 11) - 1], Gen.Int.Array[11])
            .Select((mask, values) => new ConfigMessage
            {
                Entries = [.. Enumerable.Range(0, 11).Where(k => (mask & (1 << k)) != 0)
                    .Select(k => new ConfigEntry((ConfigKey)(k + 1), values[k]))],
            });

    private static Gen<TimeMessage> Time() =>
        Gen.Select(Gen.UInt, Gen.Short[-840, 840])
            .Select((unix, offset) => new TimeMessage { UnixSeconds = unix, UtcOffsetMinutes = offset });
}
