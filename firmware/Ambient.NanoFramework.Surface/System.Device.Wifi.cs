// Package: nanoFramework.System.Device.Wifi 1.5.149 (namespaces nanoFramework.Networking, System.Device.Wifi).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.1); never runs.

using System;
using System.Device.Wifi;
using System.Threading;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }

    public class WifiAvailableNetwork
    {
        public string Ssid => throw new NotImplementedException();

        public double NetworkRssiInDecibelMilliwatts => throw new NotImplementedException();
    }

    public class WifiNetworkReport
    {
        public WifiAvailableNetwork[] AvailableNetworks => throw new NotImplementedException();
    }

    public class WifiAdapter
    {
        public WifiNetworkReport NetworkReport => throw new NotImplementedException();
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        /// <summary>Joins the network and waits for an IP address (and, if asked, for SNTP to set the clock).</summary>
        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default)
        {
            throw new NotImplementedException();
        }

        public static void Disconnect()
        {
            throw new NotImplementedException();
        }

        public static WifiAdapter WifiAdapter => throw new NotImplementedException();

        public static Exception HelperException => throw new NotImplementedException();
    }
}
