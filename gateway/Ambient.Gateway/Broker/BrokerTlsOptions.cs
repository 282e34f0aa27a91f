namespace Ambient.Gateway.Broker;

/// <summary>"Broker:Tls": MQTT over TLS on 8883 with a certificate the gateway creates on first run.</summary>
public sealed class BrokerTlsOptions
{
    public bool Enabled { get; set; }

    public int Port { get; set; } = 8883;

    /// <summary>PKCS#12 file (relative to the data directory); created self-signed when missing.</summary>
    public string CertificatePath { get; set; } = "broker-cert.pfx";
}
