namespace Ambient.Firmware.Hal
{
    public sealed class MqttDelivery
    {
        public MqttDelivery(string topic, byte[] payload)
        {
            Topic = topic;
            Payload = payload;
        }

        public string Topic { get; }

        public byte[] Payload { get; }
    }
}
