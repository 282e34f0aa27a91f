namespace Ambient.Firmware.Hal
{
    /// <summary>
    /// An MQTT 3.1.1 client session (nanoFramework: M2Mqtt; simulator: MQTTnet). Calls block up to their timeout
    /// and report failure as false, because the device has no async and must always get back to sleep.
    /// </summary>
    public interface IMqttLink
    {
        bool IsConnected { get; }

        /// <summary>Connects with a clean session and a retained last will (QoS 1).</summary>
        bool Connect(string clientId, string username, string password, string willTopic, byte[] willPayload, int timeoutMilliseconds);

        /// <summary>Publishes at QoS 1; true only when the broker's PUBACK arrived within the timeout.</summary>
        bool Publish(string topic, byte[] payload, int offset, int count, bool retain, int timeoutMilliseconds);

        bool Subscribe(string topicFilter, int timeoutMilliseconds);

        /// <summary>The next message received on a subscription, waiting up to the timeout; null when none came.</summary>
        MqttDelivery Receive(int timeoutMilliseconds);

        void Disconnect();
    }
}
