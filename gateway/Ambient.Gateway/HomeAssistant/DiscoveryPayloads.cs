using System.Text.Json;
using System.Text.Json.Nodes;
using Ambient.Gateway.Devices;

namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// Builds the retained discovery configs of one device, one per entity (HA's per-entity discovery; every entity
/// shares the device's JSON state topic and picks its value with a template). Pure: tests check the payloads
/// against the documented schema without a broker.
/// </summary>
public static class DiscoveryPayloads
{
    private static readonly string Version = typeof(DiscoveryPayloads).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static IReadOnlyList<DiscoveryMessage> For(DeviceRecord device, DiscoveryTopics topics)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(topics);
        return [.. EntityCatalog.For(device.Kind).Select(e => new DiscoveryMessage(topics.Config(e, device.Id), Config(device, e, topics).ToJsonString())) ];
    }

    /// <summary>Empty retained payloads: HA deletes each entity, and the broker forgets the retained config.</summary>
    public static IReadOnlyList<DiscoveryMessage> Removal(DeviceRecord device, DiscoveryTopics topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return [.. topics.Configs(device).Select(t => new DiscoveryMessage(t, "")), new DiscoveryMessage(topics.State(device.Id), "")];
    }

    private static JsonObject Config(DeviceRecord device, EntityDescriptor entity, DiscoveryTopics topics)
    {
        var config = new JsonObject
        {
            ["name"] = entity.Name,
            ["unique_id"] = DiscoveryTopics.UniqueId(device.Id, entity.Key),
            ["state_topic"] = topics.State(device.Id),
            ["value_template"] = $"{{{{ value_json.{entity.Key} }}}}",
            ["availability"] = new JsonArray(new JsonObject { ["topic"] = topics.Availability }),
            ["device"] = new JsonObject
            {
                ["identifiers"] = new JsonArray($"ambient_{device.Id}"),
                ["name"] = device.Id,
                ["manufacturer"] = "Ambient",
                ["model"] = Model(device.Kind),
                ["sw_version"] = device.Firmware,
            },
            ["origin"] = new JsonObject { ["name"] = "Ambient gateway", ["sw"] = Version },
        };
        Set(config, "device_class", entity.DeviceClass);
        Set(config, "unit_of_measurement", entity.Unit);
        Set(config, "state_class", entity.StateClass);
        Set(config, "entity_category", entity.EntityCategory);
        Set(config, "icon", entity.Icon);
        if (entity.Component == "binary_sensor")
        {
            config["payload_on"] = "ON";
            config["payload_off"] = "OFF";
        }

        // A sleeper's values go unavailable after three missed uploads; when it was last seen stays meaningful.
        if (entity.Key != "last_seen")
        {
            config["expire_after"] = WakeIntervals.ExpireAfterSeconds(device.Kind);
        }

        if (device.Firmware is null)
        {
            ((JsonObject)config["device"]!).Remove("sw_version");
        }

        return config;
    }

    private static void Set(JsonObject config, string key, string? value)
    {
        if (value is not null)
        {
            config[key] = value;
        }
    }

    private static string Model(string kind) => kind switch
    {
        "planter" => "Planter",
        "fridge-magnet" => "Fridge magnet",
        "earbud" => "Earbud",
        _ => kind,
    };

    /// <summary>For tests and logs: the payload parsed back.</summary>
    public static JsonElement Parse(DiscoveryMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var document = JsonDocument.Parse(message.Payload);
        return document.RootElement.Clone();
    }
}
