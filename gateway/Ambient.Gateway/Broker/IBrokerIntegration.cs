namespace Ambient.Gateway.Broker;

/// <summary>
/// A non-device MQTT client the embedded broker admits (Home Assistant): its own credentials and its own, narrow
/// topic rules. Devices stay deny-by-default under DeviceAcl; an integration never gets a device's topics unless
/// its rules say so.
/// </summary>
public interface IBrokerIntegration
{
    /// <summary>Short name, kept in the session and used in logs ("homeassistant").</summary>
    string Name { get; }

    /// <summary>Whether these CONNECT credentials are this integration's.</summary>
    bool Accepts(string? userName, string? password);

    bool MayPublish(string topic);

    bool MaySubscribe(string topicFilter);

    /// <summary>Called for every publication the integration was allowed to make (e.g. Home Assistant's birth message).</summary>
    Task OnPublishedAsync(string topic, ReadOnlyMemory<byte> payload);
}
