namespace Ambient.Protocol.Tests;

/// <summary>One or more messages of every type, pinned byte for byte by Golden/v1.golden.</summary>
internal static class Samples
{
    public const uint Morning = 1796112000; // 2026-12-01T08:00:00Z

    public static IReadOnlyList<(string Name, Message Message)> All { get; } =
    [
        ("hello-planter", new HelloMessage
        {
            BootId = 7, Sequence = 1, Timestamp = Morning, Kind = DeviceKind.Planter,
            FirmwareMajor = 1, FirmwareMinor = 2, FirmwarePatch = 3,
            Capabilities = Capabilities.SoilMoisture | Capabilities.Light | Capabilities.Temperature |
                           Capabilities.Humidity | Capabilities.Battery | Capabilities.DeepSleep | Capabilities.Indicator,
            UptimeSeconds = 86400, ResetReason = ResetReason.DeepSleepWake,
        }),
        ("telemetry-planter", PlanterBatch(moisture: 412, lux: 1830, centiCelsius: 2150, humidity: 473)),
        ("telemetry-replay-unsynced", new TelemetryMessage
        {
            Flags = FrameFlags.TimeUnsynced | FrameFlags.Replay, BootId = 3, Sequence = 96, Timestamp = 5400,
            SampleOffsets = [0, 900],
            Readings =
            [
                new Reading(0, SensorKind.SoilMoisturePermille, 400), new Reading(0, SensorKind.BatteryMillivolts, 2950),
                new Reading(1, SensorKind.SoilMoisturePermille, 395), new Reading(1, SensorKind.BatteryMillivolts, 2948),
            ],
        }),
        ("telemetry-magnet-cold-room", new TelemetryMessage
        {
            Flags = FrameFlags.LowBattery, BootId = 1, Sequence = 70000, Timestamp = Morning,
            SampleOffsets = [0],
            Readings =
            [
                new Reading(0, SensorKind.TemperatureCentiCelsius, -250), new Reading(0, SensorKind.PressurePascal, 101325),
                new Reading(0, SensorKind.RssiDbm, -67),
            ],
        }),
        ("event-button-snooze", new EventMessage
        {
            BootId = 2, Sequence = 15, Timestamp = Morning, Kind = EventKind.Button, Code = (byte)ButtonAction.Snooze, Reference = 42,
        }),
        ("event-presence", new EventMessage
        {
            BootId = 2, Sequence = 16, Timestamp = Morning + 5, Kind = EventKind.Presence, Code = 1,
        }),
        ("event-audio-missing", new EventMessage
        {
            BootId = 3, Sequence = 17, Timestamp = Morning + 9, Kind = EventKind.AudioMissing, Reference = AudioMissingRef.Pack(9, 4),
        }),
        ("audio-adpcm-chunk", new AudioChunkMessage
        {
            BootId = 0, Sequence = 300, Timestamp = Morning, StreamId = 9, Index = 0, Count = 3,
            Format = AudioFormat.ImaAdpcm, SampleRate = 16000, TotalSamples = 4800, Predictor = -120, StepIndex = 17,
            Data = [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0],
        }),
        ("audio-pcm-final", new AudioChunkMessage
        {
            BootId = 4, Sequence = 31, Timestamp = Morning, StreamId = 10, Index = 5, Count = 0, AudioFlags = AudioFlags.Final,
            Format = AudioFormat.Pcm16, SampleRate = 16000, Data = [0x00, 0x80, 0xFF, 0x7F],
        }),
        ("ack-display", new AckMessage
        {
            BootId = 2, Sequence = 17, Timestamp = Morning, AckedType = MessageType.Display, AckedSequence = 1001,
            Status = AckStatus.Applied,
        }),
        ("display-morning", new DisplayMessage
        {
            Sequence = 1001, Timestamp = Morning,
            Sections =
            [
                new DisplaySection(LayoutHint.Greeting, "Good morning, Ana."),
                new DisplaySection(LayoutHint.Weather, "12° and cloudy, rain after 3"),
                new DisplaySection(LayoutHint.NextEvent, "9:30 Dentist"),
                new DisplaySection(LayoutHint.PlantAlert, "The basil is thirsty"),
            ],
        }),
        ("plant-thirsty", new PlantStateMessage
        {
            Sequence = 1002, Timestamp = Morning, Condition = PlantCondition.Thirsty, MoisturePermille = 180, DaysUntilDry = 0,
        }),
        ("plant-unknown", new PlantStateMessage
        {
            Sequence = 1003, Timestamp = Morning, Condition = PlantCondition.Unknown,
            MoisturePermille = PlantStateMessage.UnknownMoisture, DaysUntilDry = PlantStateMessage.UnknownDays,
        }),
        ("config-planter", new ConfigMessage
        {
            Sequence = 1004, Timestamp = Morning,
            Entries =
            [
                new ConfigEntry(ConfigKey.SampleIntervalSeconds, 900), new ConfigEntry(ConfigKey.UploadIntervalSeconds, 3600),
                new ConfigEntry(ConfigKey.CalibrationDryRaw, 3100), new ConfigEntry(ConfigKey.CalibrationWetRaw, 1350),
                new ConfigEntry(ConfigKey.UtcOffsetMinutes, -300),
            ],
        }),
        ("time-sync", new TimeMessage { Sequence = 1005, Timestamp = Morning, UnixSeconds = Morning, UtcOffsetMinutes = 60 }),
    ];

    public static TelemetryMessage PlanterBatch(int moisture, int lux, int centiCelsius, int humidity) => new()
    {
        BootId = 7, Sequence = 2, Timestamp = Morning,
        SampleOffsets = [0],
        Readings =
        [
            new Reading(0, SensorKind.SoilMoisturePermille, moisture), new Reading(0, SensorKind.IlluminanceLux, lux),
            new Reading(0, SensorKind.TemperatureCentiCelsius, centiCelsius), new Reading(0, SensorKind.HumidityPermille, humidity),
        ],
    };
}
