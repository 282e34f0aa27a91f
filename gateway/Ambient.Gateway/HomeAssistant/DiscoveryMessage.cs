namespace Ambient.Gateway.HomeAssistant;

/// <summary>A retained message for Home Assistant: a discovery config (empty payload: remove the entity) or a state.</summary>
public sealed record DiscoveryMessage(string Topic, string Payload);
