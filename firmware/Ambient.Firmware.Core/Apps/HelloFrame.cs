using Ambient.Firmware.Hal;
using Ambient.Protocol;

namespace Ambient.Firmware.Apps
{
    /// <summary>The hello every app sends on connect: its kind, this firmware's version, what it can do, why it booted.</summary>
    public static class HelloFrame
    {
        public static HelloMessage For(DeviceKind kind, Capabilities capabilities, WakeCause cause, ResetReason otherwise)
        {
            HelloMessage hello = new HelloMessage();
            hello.Kind = kind;
            hello.FirmwareMajor = FirmwareVersion.Major;
            hello.FirmwareMinor = FirmwareVersion.Minor;
            hello.FirmwarePatch = FirmwareVersion.Patch;
            hello.Capabilities = capabilities;
            hello.ResetReason = cause == WakeCause.PowerOn ? ResetReason.PowerOn : otherwise;
            return hello;
        }
    }
}
