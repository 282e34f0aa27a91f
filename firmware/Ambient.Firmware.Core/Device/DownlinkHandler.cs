using System;
using Ambient.Firmware.Net;
using Ambient.Protocol;

namespace Ambient.Firmware.Device
{
    /// <summary>
    /// Applies the downlinks every device understands (config, time) and acknowledges them; hands the rest back
    /// to the app. Config values land in the settings store, so they survive deep sleep and power loss.
    /// </summary>
    public static class DownlinkHandler
    {
        public static bool TryApplyCommon(Message message, DeviceContext context, UplinkSession session)
        {
            if (message.Type == MessageType.Config)
            {
                ConfigEntry[] entries = ((ConfigMessage)message).Entries;
                for (int i = 0; i < entries.Length; i++)
                {
                    string key = SettingKeys.For(entries[i].Key);
                    if (key != null)
                    {
                        context.Settings.WriteInt(key, entries[i].Value);
                    }
                }

                session.Acknowledge(message, AckStatus.Applied);
                return true;
            }

            if (message.Type == MessageType.Time)
            {
                TimeMessage time = (TimeMessage)message;
                context.Clock.SetUtc(new DateTime(621355968000000000 + (time.UnixSeconds * TimeSpan.TicksPerSecond)));
                context.Settings.WriteInt(SettingKeys.For(ConfigKey.UtcOffsetMinutes), time.UtcOffsetMinutes);
                session.Acknowledge(message, AckStatus.Applied);
                return true;
            }

            return false;
        }
    }
}
