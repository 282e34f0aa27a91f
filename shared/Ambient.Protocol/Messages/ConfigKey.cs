namespace Ambient.Protocol
{
    /// <summary>Settings the gateway can push. Devices ignore keys they do not use, so one table serves all.</summary>
    public enum ConfigKey : byte
    {
        SampleIntervalSeconds = 1,
        UploadIntervalSeconds = 2,
        MorningWindowStartMinute = 3,
        MorningWindowEndMinute = 4,
        UtcOffsetMinutes = 5,
        CalibrationDryRaw = 6,
        CalibrationWetRaw = 7,
        MoistureAlertPermille = 8,
        VoiceThresholdCentiDb = 9,
        QuietStartMinute = 10,
        QuietEndMinute = 11,
    }
}
