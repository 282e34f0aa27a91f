namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// The entities published per device kind. Device classes and units are those HA's sensor platform accepts
/// (sensor.mqtt docs): moisture %, illuminance lx, temperature °C, humidity %, voltage mV, signal_strength dBm,
/// timestamp; the plant condition is a plain text sensor and "needs care" a problem binary sensor.
/// </summary>
public static class EntityCatalog
{
    private static readonly string[] Planter = ["planter"];
    private static readonly string[] All = ["planter", "fridge-magnet", "earbud"];

    public static IReadOnlyList<EntityDescriptor> Entities { get; } =
    [
        new("soil_moisture", "sensor", "Soil moisture", "moisture", "%", "measurement", null, null, Planter),
        new("illuminance", "sensor", "Light", "illuminance", "lx", "measurement", null, null, Planter),
        new("temperature", "sensor", "Temperature", "temperature", "°C", "measurement", null, null, Planter),
        new("humidity", "sensor", "Humidity", "humidity", "%", "measurement", null, null, Planter),
        new("condition", "sensor", "Plant condition", null, null, null, null, "mdi:flower", Planter),
        new("days_until_dry", "sensor", "Dry in", "duration", "d", null, null, "mdi:water-clock", Planter),
        new("needs_care", "binary_sensor", "Needs care", "problem", null, null, null, null, Planter),
        new("battery_voltage", "sensor", "Battery", "voltage", "mV", "measurement", "diagnostic", null, All),
        new("rssi", "sensor", "Signal", "signal_strength", "dBm", "measurement", "diagnostic", null, All),
        new("last_seen", "sensor", "Last seen", "timestamp", null, null, "diagnostic", null, All),
    ];

    public static IEnumerable<EntityDescriptor> For(string kind) => Entities.Where(e => e.Kinds.Contains(kind));
}
