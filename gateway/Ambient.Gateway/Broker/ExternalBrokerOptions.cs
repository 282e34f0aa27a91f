namespace Ambient.Gateway.Broker;

/// <summary>"Broker:External": the broker the gateway subscribes to when Broker:Mode is External.</summary>
public sealed class ExternalBrokerOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 1883;

    /// <summary>Fixed, so the broker keeps the gateway's persistent session (and its unacknowledged messages).</summary>
    public string ClientId { get; set; } = "ambient-gateway";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long the broker keeps the session while the gateway is away (MQTT 5 session expiry).</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Mosquitto <c>password_file</c> the gateway keeps in step with <c>devices add|remove</c> (see
    /// <see cref="MosquittoAuthFiles"/>); off when unset. Requires <see cref="AclFile"/>.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>Mosquitto <c>acl_file</c>, regenerated with <see cref="PasswordFile"/>.</summary>
    public string? AclFile { get; set; }

    /// <summary>Mosquitto's <c>pid_file</c>: when set, the process is sent SIGHUP after the files change, so it reloads them.</summary>
    public string? PidFile { get; set; }
}
