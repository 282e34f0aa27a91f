namespace Ambient.Protocol
{
    /// <summary>A parsed Ambient topic; <see cref="IsValid"/> is false for anything outside the scheme.</summary>
    public struct TopicInfo
    {
        public TopicInfo(string deviceId, Channel channel)
        {
            DeviceId = deviceId;
            Channel = channel;
        }

        public string DeviceId { get; }

        public Channel Channel { get; }

        public bool IsValid
        {
            get { return Channel != Channel.None; }
        }

        public bool IsUp
        {
            get { return Channel >= Channel.Hello && Channel <= Channel.Ack; }
        }

        public bool IsDown
        {
            get { return Channel >= Channel.Display && Channel <= Channel.Time; }
        }
    }
}
