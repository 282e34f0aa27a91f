namespace Ambient.Gateway.Broker;

/// <summary>
/// Keys the connection validator puts into MQTTnet's per-session items for the ACL interceptors. A session without
/// <see cref="DeviceId"/> never passed validation: it is the gateway's own injected publication.
/// </summary>
internal static class SessionKeys
{
    public const string DeviceId = "ambient.device";
    public const string ProtocolVersion = "ambient.protocol";

    /// <summary>The <see cref="IBrokerIntegration"/> a non-device client (Home Assistant) logged in as.</summary>
    public const string Integration = "ambient.integration";
}
