using System.IO;
using Ambient.Firmware.Device;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// The device's provisioning file on the internal drive, one "key=value" per line, written once with
    /// `nanoff --filedeployment` (firmware/README.md): the device id and password that the gateway's `devices add`
    /// printed, the Wi-Fi network, and the broker. Read at every boot and handed down; never kept in a static field.
    /// </summary>
    public sealed class DeviceSettingsFile
    {
        public const string DefaultPath = "I:\\ambient.cfg";
        public const int DefaultBrokerPort = 1883;

        private DeviceSettingsFile(string deviceId, string devicePassword, string wifiSsid, string wifiPassword, string brokerHost, int brokerPort)
        {
            DeviceId = deviceId;
            DevicePassword = devicePassword;
            WifiSsid = wifiSsid;
            WifiPassword = wifiPassword;
            BrokerHost = brokerHost;
            BrokerPort = brokerPort;
        }

        public string DeviceId { get; }

        public string DevicePassword { get; }

        public string WifiSsid { get; }

        public string WifiPassword { get; }

        public string BrokerHost { get; }

        public int BrokerPort { get; }

        /// <summary>False when the file is missing or lacks a required key: the device cannot do anything useful.</summary>
        public bool IsComplete =>
            !string.IsNullOrEmpty(DeviceId) && !string.IsNullOrEmpty(DevicePassword) &&
            !string.IsNullOrEmpty(WifiSsid) && !string.IsNullOrEmpty(BrokerHost) && BrokerPort > 0;

        public DeviceCredentials Credentials => new DeviceCredentials(DeviceId, DevicePassword);

        public static DeviceSettingsFile Load(string path)
        {
            string text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
            return new DeviceSettingsFile(
                Value(text, "device_id"),
                Value(text, "device_password"),
                Value(text, "wifi_ssid"),
                Value(text, "wifi_password"),
                Value(text, "broker_host"),
                ParsePort(Value(text, "broker_port")));
        }

        /// <summary>The value of the first "key=value" line for key, trimmed; null when absent.</summary>
        private static string Value(string text, string key)
        {
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.Trim();
                int equals = line.IndexOf('=');
                if (equals > 0 && line.Substring(0, equals).Trim() == key)
                {
                    return line.Substring(equals + 1).Trim();
                }
            }

            return null;
        }

        private static int ParsePort(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return DefaultBrokerPort;
            }

            int port = 0;
            foreach (char c in text)
            {
                if (c < '0' || c > '9' || port > 65535)
                {
                    return 0;
                }

                port = (port * 10) + (c - '0');
            }

            return port <= 65535 ? port : 0;
        }
    }
}
