using System.Text.Json;
using System.Text.RegularExpressions;
using Ambient.Gateway.Devices;
using Ambient.Gateway.HomeAssistant;

namespace Ambient.Gateway.Tests.HomeAssistant;

/// <summary>
/// The discovery configs against Home Assistant's documented MQTT discovery contract (anchors §1.1, sensor.mqtt and
/// binary_sensor.mqtt docs): topic layout, required keys, known device classes and units, unique ids, one JSON state
/// topic per device, availability, and expire_after for sleeping devices.
/// </summary>
public sealed partial class DiscoveryPayloadTests
{
    // Device classes HA's sensor / binary_sensor platforms accept, limited to those this gateway could use.
    private static readonly HashSet<string> SensorClasses = ["moisture", "illuminance", "temperature", "humidity", "voltage", "signal_strength", "timestamp", "duration", "battery"];
    private static readonly HashSet<string> BinaryClasses = ["problem", "connectivity", "moisture"];
    private static readonly Dictionary<string, string[]> UnitsByClass = new()
    {
        ["moisture"] = ["%"], ["illuminance"] = ["lx"], ["temperature"] = ["°C", "°F"], ["humidity"] = ["%"],
        ["voltage"] = ["V", "mV"], ["signal_strength"] = ["dBm", "dB"], ["duration"] = ["d", "h", "min", "s"],
    };

    private static readonly string[] Components = ["sensor", "binary_sensor"];
    private static readonly string[] RequiredKeys = ["name", "unique_id", "state_topic", "value_template", "device", "availability"];

    private static readonly DiscoveryTopics Topics = new(new HomeAssistantOptions());

    private static readonly DeviceRecord[] Household =
    [
        Device("kitchen-basil", "planter"),
        Device("living-monstera", "planter"),
        Device("fridge-magnet", "fridge-magnet"),
        Device("earbud", "earbud"),
    ];

    [Fact]
    public void Every_config_has_the_required_keys_and_a_topic_that_matches_it()
    {
        foreach (var device in Household)
        {
            var messages = DiscoveryPayloads.For(device, Topics);
            Assert.NotEmpty(messages);
            foreach (var message in messages)
            {
                var match = ConfigTopic().Match(message.Topic);
                Assert.True(match.Success, $"'{message.Topic}' is not <prefix>/<component>/<object_id>/config");
                var config = DiscoveryPayloads.Parse(message);
                var component = match.Groups["component"].Value;
                Assert.Contains(component, Components);
                foreach (var key in RequiredKeys)
                {
                    Assert.True(config.TryGetProperty(key, out _), $"{message.Topic} lacks {key}");
                }

                // HA's recommended layout: object id = unique id, no node id.
                Assert.Equal(config.GetProperty("unique_id").GetString(), match.Groups["object"].Value);
                Assert.Equal($"ambient/ha/{device.Id}/state", config.GetProperty("state_topic").GetString());
                var key2 = JsonKey().Match(config.GetProperty("value_template").GetString()!);
                Assert.True(key2.Success, "value_template must read one key of the JSON state");
                Assert.Contains(EntityCatalog.Entities, e => e.Key == key2.Groups[1].Value);

                var deviceBlock = config.GetProperty("device");
                Assert.Equal($"ambient_{device.Id}", deviceBlock.GetProperty("identifiers")[0].GetString());
                Assert.Equal("Ambient", deviceBlock.GetProperty("manufacturer").GetString());
                Assert.Equal("1.0.0", deviceBlock.GetProperty("sw_version").GetString());
                var availability = config.GetProperty("availability");
                Assert.Equal(JsonValueKind.Array, availability.ValueKind);
                Assert.Equal("ambient/ha/gateway/availability", availability[0].GetProperty("topic").GetString());
                Assert.False(config.TryGetProperty("availability_topic", out _), "availability and availability_topic are exclusive");

                if (config.TryGetProperty("device_class", out var deviceClass))
                {
                    Assert.Contains(deviceClass.GetString()!, component == "sensor" ? SensorClasses : BinaryClasses);
                    if (UnitsByClass.TryGetValue(deviceClass.GetString()!, out var units))
                    {
                        Assert.Contains(config.GetProperty("unit_of_measurement").GetString(), units);
                    }
                }

                if (component == "binary_sensor")
                {
                    Assert.Equal("ON", config.GetProperty("payload_on").GetString());
                    Assert.Equal("OFF", config.GetProperty("payload_off").GetString());
                }
            }
        }
    }

    [Fact]
    public void Unique_ids_and_config_topics_are_unique_across_the_household()
    {
        var all = Household.SelectMany(d => DiscoveryPayloads.For(d, Topics)).ToList();
        var ids = all.Select(m => DiscoveryPayloads.Parse(m).GetProperty("unique_id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Count, all.Select(m => m.Topic).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_planter_has_its_plant_entities_and_sleepers_expire_after_three_upload_intervals()
    {
        var planter = DiscoveryPayloads.For(Household[0], Topics).Select(DiscoveryPayloads.Parse).ToList();
        var keys = planter.Select(c => JsonKey().Match(c.GetProperty("value_template").GetString()!).Groups[1].Value).ToList();
        Assert.Equal(["soil_moisture", "illuminance", "temperature", "humidity", "condition", "days_until_dry", "needs_care", "battery_voltage", "rssi", "last_seen"], keys);

        // The planter uploads every 2 hours: unavailable after 6 hours without news, not after every sleep.
        var moisture = planter.Single(c => c.GetProperty("unique_id").GetString() == "ambient_kitchen-basil_soil_moisture");
        Assert.Equal(3 * 2 * 3600, moisture.GetProperty("expire_after").GetInt32());
        Assert.Equal("measurement", moisture.GetProperty("state_class").GetString());
        // When it was last seen stays true while it sleeps.
        Assert.False(planter.Single(c => c.GetProperty("unique_id").GetString()!.EndsWith("_last_seen", StringComparison.Ordinal)).TryGetProperty("expire_after", out _));

        var earbud = DiscoveryPayloads.For(Household[3], Topics).Select(DiscoveryPayloads.Parse).ToList();
        Assert.DoesNotContain(earbud, c => c.GetProperty("unique_id").GetString()!.Contains("soil", StringComparison.Ordinal));
    }

    [Fact]
    public void Removal_is_an_empty_payload_on_every_config_topic_and_the_state_topic()
    {
        var device = Household[0];
        var removal = DiscoveryPayloads.Removal(device, Topics);
        Assert.All(removal, m => Assert.Equal("", m.Payload));
        Assert.Equal(
            DiscoveryPayloads.For(device, Topics).Select(m => m.Topic).Append(Topics.State(device.Id)).Order(),
            removal.Select(m => m.Topic).Order());
    }

    private static DeviceRecord Device(string id, string kind) =>
        new(id, kind, DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch, "1.0.0", null, 3300, -60, true);

    [GeneratedRegex("^homeassistant/(?<component>[a-z_]+)/(?<object>[a-zA-Z0-9_-]+)/config$")]
    private static partial Regex ConfigTopic();

    [GeneratedRegex(@"^\{\{ value_json\.([a-z_]+) \}\}$")]
    private static partial Regex JsonKey();
}
