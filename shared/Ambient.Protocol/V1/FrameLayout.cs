namespace Ambient.Protocol.V1
{
    /// <summary>Byte positions and limits of a version 1 frame (see shared/Ambient.Protocol/README.md).</summary>
    public static class FrameLayout
    {
        public const byte Version = 1;

        public const int VersionOffset = 0;
        public const int TypeOffset = 1;
        public const int FlagsOffset = 2;
        public const int BootIdOffset = 3;
        public const int SequenceOffset = 5;
        public const int TimestampOffset = 9;
        public const int HeaderLength = 13;
        public const int CrcLength = 2;
        public const int Overhead = HeaderLength + CrcLength;

        /// <summary>Largest frame either side accepts; the gateway's MQTT maximum packet size is set from it.</summary>
        public const int MaxFrameLength = 4096;

        public const int MaxSamples = 255;
        public const int MaxReadingsPerSample = 16;
        public const int MaxDisplaySections = 8;
        public const int MaxTextBytes = 512;
        public const int MaxConfigEntries = 32;
        public const int MaxAudioBytes = 3072;
        public const int MaxStepIndex = 88;
        public const int MaxUtcOffsetMinutes = 840;

        /// <summary>Flag bits a version 1 frame may set.</summary>
        public const byte DefinedFlags = (byte)(FrameFlags.TimeUnsynced | FrameFlags.Replay | FrameFlags.LowBattery);
    }
}
