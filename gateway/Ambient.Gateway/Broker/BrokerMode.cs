namespace Ambient.Gateway.Broker;

public enum BrokerMode
{
    /// <summary>MQTTnet runs inside the gateway; PUBACK waits for the SQLite commit.</summary>
    Embedded,

    /// <summary>The gateway is a client of a broker such as Mosquitto; it acknowledges each message after commit.</summary>
    External,
}
