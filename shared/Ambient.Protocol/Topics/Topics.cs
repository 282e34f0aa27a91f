namespace Ambient.Protocol
{
    /// <summary>
    /// The topic scheme: <c>ambient/v1/{deviceId}/up/{channel}</c> from devices,
    /// <c>ambient/v1/{deviceId}/down/{channel}</c> to devices, and <c>ambient/v1/{deviceId}/status</c>
    /// (retained online/offline, the last will). The channel also fixes which frame type may travel on it.
    /// </summary>
    public static class Topics
    {
        public const string Prefix = "ambient/v1/";
        public const string Online = "online";
        public const string Offline = "offline";

        // Channel ↔ (direction, name, frame type), one row per channel; index by scanning, 11 rows.
        private static readonly Channel[] Channels = new Channel[]
        {
            Channel.Hello, Channel.Telemetry, Channel.Event, Channel.AudioUp, Channel.Ack,
            Channel.Display, Channel.Plant, Channel.AudioDown, Channel.Config, Channel.Time,
        };

        private static readonly string[] Names = new string[]
        {
            "up/hello", "up/telemetry", "up/event", "up/audio", "up/ack",
            "down/display", "down/plant", "down/audio", "down/config", "down/time",
        };

        private static readonly MessageType[] Types = new MessageType[]
        {
            MessageType.Hello, MessageType.Telemetry, MessageType.Event, MessageType.Audio, MessageType.Ack,
            MessageType.Display, MessageType.PlantState, MessageType.Audio, MessageType.Config, MessageType.Time,
        };

        /// <summary><c>ambient/v1/{deviceId}/up/…</c> or <c>…/down/…</c> for <paramref name="channel"/>.</summary>
        public static string For(string deviceId, Channel channel)
        {
            if (channel == Channel.Status)
            {
                return Status(deviceId);
            }

            int row = RowOf(channel);
            if (row < 0)
            {
                throw new System.ArgumentException("No topic for channel");
            }

            return Prefix + deviceId + "/" + Names[row];
        }

        public static string Status(string deviceId)
        {
            return Prefix + deviceId + "/status";
        }

        /// <summary>Every up topic of every device, for the gateway's subscription with an external broker.</summary>
        public static string AllUp
        {
            get { return Prefix + "+/up/#"; }
        }

        public static string AllStatus
        {
            get { return Prefix + "+/status"; }
        }

        /// <summary>The device's own down topics, which it subscribes to.</summary>
        public static string DownFilter(string deviceId)
        {
            return Prefix + deviceId + "/down/#";
        }

        /// <summary>The frame type a channel carries.</summary>
        public static MessageType TypeOf(Channel channel)
        {
            int row = RowOf(channel);
            return row < 0 ? (MessageType)0 : Types[row];
        }

        /// <summary>The up channel a device publishes <paramref name="type"/> on, or the down channel the gateway uses.</summary>
        public static Channel ChannelOf(MessageType type, bool up)
        {
            for (int i = 0; i < Types.Length; i++)
            {
                if (Types[i] == type && (Channels[i] <= Channel.Ack) == up)
                {
                    return Channels[i];
                }
            }

            return Channel.None;
        }

        /// <summary>Splits a topic into device id and channel; the result is not valid for any other topic.</summary>
        public static TopicInfo Parse(string topic)
        {
            if (topic == null || !topic.StartsWith(Prefix))
            {
                return new TopicInfo(null, Channel.None);
            }

            int slash = topic.IndexOf('/', Prefix.Length);
            if (slash < 0)
            {
                return new TopicInfo(null, Channel.None);
            }

            string deviceId = topic.Substring(Prefix.Length, slash - Prefix.Length);
            if (!DeviceId.IsValid(deviceId))
            {
                return new TopicInfo(null, Channel.None);
            }

            string rest = topic.Substring(slash + 1);
            if (rest == "status")
            {
                return new TopicInfo(deviceId, Channel.Status);
            }

            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == rest)
                {
                    return new TopicInfo(deviceId, Channels[i]);
                }
            }

            return new TopicInfo(null, Channel.None);
        }

        private static int RowOf(Channel channel)
        {
            for (int i = 0; i < Channels.Length; i++)
            {
                if (Channels[i] == channel)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
