using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Net
{
    /// <summary>
    /// Sequence numbers for frames other than telemetry (hello, events, acks, audio). Telemetry samples are numbered
    /// by the ring buffer (consecutive, so a batch needs one number); these frames use the upper half of the sequence
    /// space (high bit set) so the two never collide within a boot. A block of numbers is reserved in settings once per
    /// wake, so a power cut can skip numbers but never reuse one.
    /// </summary>
    public sealed class FrameCounter
    {
        public const uint ControlBit = 0x80000000;
        private const string Key = "frame.next";
        private const int Block = 256;

        private readonly ISettingsStore _settings;
        private int _next;
        private int _reservedUntil;

        public FrameCounter(ISettingsStore settings, bool newBoot)
        {
            _settings = settings;
            _next = newBoot ? 0 : settings.ReadInt(Key, 0);
            _reservedUntil = _next;
        }

        public uint Next()
        {
            if (_next >= _reservedUntil)
            {
                _reservedUntil = _next + Block;
                _settings.WriteInt(Key, _reservedUntil);
            }

            uint value = ControlBit | (uint)_next;
            _next++;
            return value;
        }
    }
}
