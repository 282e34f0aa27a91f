using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Broker;

/// <summary>The MQTT side of the gateway ("Broker" section).</summary>
public sealed class BrokerOptions : IValidatableObject
{
    public const string Section = "Broker";

    public BrokerMode Mode { get; set; } = BrokerMode.Embedded;

    /// <summary>Embedded: the address to listen on. Bind the LAN interface's address to keep 1883 off other networks.</summary>
    [Required(ErrorMessage = "Broker:Address is required")]
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>Embedded: plain MQTT port; 0 picks a free port (tests).</summary>
    [Range(0, 65535, ErrorMessage = "Broker:Port must be between 0 and 65535")]
    public int Port { get; set; } = 1883;

    /// <summary>The host name devices are told to connect to (CLI output, QR code); default: this machine's name.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>
    /// Bounds every wait on a client, including the wait for CONNECT after the TCP accept (MQTTnet's default is
    /// 100 s, long enough for idle sockets to exhaust the connection limit).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Broker:CommunicationTimeout must be between 00:00:01 and 00:05:00")]
    public TimeSpan CommunicationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Downlinks queued per client before the oldest is dropped (a sleeping planter must not hoard memory).</summary>
    [Range(1, 100000, ErrorMessage = "Broker:MaxPendingMessagesPerClient must be between 1 and 100000")]
    public int MaxPendingMessagesPerClient { get; set; } = 100;

    /// <summary>Connected clients at once; further CONNECTs are refused with "server busy".</summary>
    [Range(1, 100000, ErrorMessage = "Broker:MaxConnections must be between 1 and 100000")]
    public int MaxConnections { get; set; } = 256;

    /// <summary>
    /// Largest MQTT packet accepted (fixed header + topic + a 4096-byte frame fits in 4,300). Larger packets close
    /// the connection before the broker allocates their body.
    /// </summary>
    [Range(512, 268435455, ErrorMessage = "Broker:MaxPacketBytes must be between 512 and 268435455")]
    public int MaxPacketBytes { get; set; } = 4300;

    /// <summary>
    /// Embedded: PUBLISHes of one connection that may wait for their commit at once (see
    /// <see cref="InboundPublishes"/>); when that many are unacknowledged the broker stops reading the connection.
    /// M2Mqtt on the devices keeps one in flight; replays and other clients may send more.
    /// </summary>
    [Range(1, 65535, ErrorMessage = "Broker:MaxUnacknowledgedPerConnection must be between 1 and 65535")]
    public int MaxUnacknowledgedPerConnection { get; set; } = 64;

    public BrokerTlsOptions Tls { get; set; } = new();

    public ExternalBrokerOptions External { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.Net.IPAddress.TryParse(Address, out _))
        {
            yield return new ValidationResult($"Broker:Address '{Address}' is not an IP address", [nameof(Address)]);
        }

        if (Mode == BrokerMode.External && string.IsNullOrWhiteSpace(External.Host))
        {
            yield return new ValidationResult("Broker:External:Host is required when Broker:Mode is External", [nameof(External)]);
        }

        if (Tls.Enabled && (Tls.Port is < 0 or > 65535))
        {
            yield return new ValidationResult("Broker:Tls:Port must be between 0 and 65535", [nameof(Tls)]);
        }

        if (Mode == BrokerMode.External && External.Port is < 1 or > 65535)
        {
            yield return new ValidationResult("Broker:External:Port must be between 1 and 65535", [nameof(External)]);
        }

        foreach (var problem in MosquittoAuthFiles.Validate(External))
        {
            yield return new ValidationResult(problem, [nameof(External)]);
        }
    }
}
