using Ambient.Protocol;

namespace Ambient.Gateway.Devices;

/// <summary>
/// Deny-by-default topic rules for a connected device: it writes only its own up channels and status (its last
/// will), and reads only its own down channels. Device ids never contain '/', '+' or '#' (DeviceId.IsValid), so
/// an id cannot widen a rule (Mosquitto CVE-2017-7650).
/// </summary>
public static class DeviceAcl
{
    public static bool MayPublish(string deviceId, string topic)
    {
        var info = Topics.Parse(topic);
        return info.IsValid && info.DeviceId == deviceId && (info.IsUp || info.Channel == Channel.Status);
    }

    public static bool MaySubscribe(string deviceId, string topicFilter)
    {
        ArgumentNullException.ThrowIfNull(topicFilter);
        if (topicFilter == Topics.DownFilter(deviceId) || topicFilter == Topics.Prefix + deviceId + "/down/+")
        {
            return true;
        }

        // A single concrete down topic of its own; any other wildcard or foreign topic is refused.
        var info = Topics.Parse(topicFilter);
        return info.IsValid && info.IsDown && info.DeviceId == deviceId;
    }
}
