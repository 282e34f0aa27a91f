namespace Ambient.Gateway.Dashboard;

/// <summary>GET /api/dashboard/homeassistant: what to type into Home Assistant's MQTT integration.</summary>
public sealed record HomeAssistantConnection(string Host, int Port, string UserName, string Password, string DiscoveryPrefix);
