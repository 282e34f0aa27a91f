namespace Ambient.Firmware.Device
{
    /// <summary>
    /// Who the device is to the broker. Read from the device's settings partition at boot and passed down, never
    /// kept in a static field (so a crash dump or a debugger's static view does not show the secret).
    /// </summary>
    public sealed class DeviceCredentials
    {
        public DeviceCredentials(string deviceId, string password)
        {
            DeviceId = deviceId;
            Password = password;
        }

        /// <summary>Also the MQTT client id and username (see Ambient.Protocol.DeviceId).</summary>
        public string DeviceId { get; }

        public string Password { get; }
    }
}
