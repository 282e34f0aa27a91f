namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// One Home Assistant entity of a device, as data (like HA's EntityDescription): the JSON key in the device's state,
/// the MQTT platform, and the sensor metadata HA shows. <see cref="Kinds"/> lists the device kinds that have it.
/// </summary>
public sealed record EntityDescriptor(
    string Key,
    string Component,
    string Name,
    string? DeviceClass,
    string? Unit,
    string? StateClass,
    string? EntityCategory,
    string? Icon,
    IReadOnlyList<string> Kinds);
