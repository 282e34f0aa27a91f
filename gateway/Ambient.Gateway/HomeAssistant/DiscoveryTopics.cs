using Ambient.Gateway.Devices;

namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// Topic names: <c>&lt;prefix&gt;/&lt;component&gt;/&lt;object_id&gt;/config</c> with the object id equal to the
/// unique id and no node id (anchors §1.1: HA's recommended layout); state and availability under StatePrefix.
/// </summary>
public sealed class DiscoveryTopics(HomeAssistantOptions options)
{
    public string Status => options.DiscoveryPrefix + "/status";

    public string Availability => options.StatePrefix + "/gateway/availability";

    public string State(string deviceId) => $"{options.StatePrefix}/{deviceId}/state";

    public static string UniqueId(string deviceId, string key) => $"ambient_{deviceId}_{key}";

    public string Config(EntityDescriptor entity, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return $"{options.DiscoveryPrefix}/{entity.Component}/{UniqueId(deviceId, entity.Key)}/config";
    }

    public IEnumerable<string> Configs(DeviceRecord device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return EntityCatalog.For(device.Kind).Select(e => Config(e, device.Id));
    }
}
