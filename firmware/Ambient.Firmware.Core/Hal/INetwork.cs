using System;

namespace Ambient.Firmware.Hal
{
    /// <summary>Wi-Fi (nanoFramework: WifiNetworkHelper) and SNTP (nanoFramework.Networking.Sntp).</summary>
    public interface INetwork
    {
        bool IsConnected { get; }

        /// <summary>Joins the configured network within the timeout; false on failure (never throws for a bad network).</summary>
        bool Connect(int timeoutMilliseconds);

        void Disconnect();

        /// <summary>Signal strength of the current connection in dBm (-127..0).</summary>
        int Rssi { get; }

        /// <summary>Asks SNTP for the time; false when no answer came within the timeout.</summary>
        bool TryGetNetworkTime(int timeoutMilliseconds, out DateTime utc);
    }
}
