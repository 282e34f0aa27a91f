namespace Ambient.Gateway.Broker;

/// <summary>Broker log events (ids 1000–1099). Secrets are never logged; client ids are, because they are public.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(1000, LogLevel.Information, "Embedded MQTT broker listening on {Address}:{Port}")]
    public static partial void Listening(ILogger logger, string address, int port);

    [LoggerMessage(1001, LogLevel.Warning, "Refused CONNECT from {Endpoint} as client {ClientId} (user {UserName}): {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string? endpoint, string? clientId, string? userName, string reason);

    [LoggerMessage(1002, LogLevel.Warning, "Refused {Operation} by {DeviceId} on {Topic}")]
    public static partial void AclDenied(ILogger logger, string operation, string deviceId, string topic);

    [LoggerMessage(1003, LogLevel.Information, "{DeviceId} connected")]
    public static partial void DeviceConnected(ILogger logger, string deviceId);

    [LoggerMessage(1004, LogLevel.Information, "{DeviceId} disconnected ({Type})")]
    public static partial void DeviceDisconnected(ILogger logger, string deviceId, string type);

    [LoggerMessage(1005, LogLevel.Information, "Connected to external broker {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    public static partial void ExternalConnected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(1006, LogLevel.Warning, "External broker {Host}:{Port} refused or failed the connection: {Reason}")]
    public static partial void ExternalConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(1007, LogLevel.Error, "Message on {Topic} could not be committed; not acknowledged, reconnecting so the broker redelivers it")]
    public static partial void ExternalCommitFailed(ILogger logger, Exception error, string topic);

    [LoggerMessage(1008, LogLevel.Warning, "Closed a connection from {Endpoint}: packet of {Bytes} bytes exceeds Broker:MaxPacketBytes ({Limit})")]
    public static partial void PacketTooLarge(ILogger logger, string? endpoint, long bytes, int limit);

    [LoggerMessage(1009, LogLevel.Information, "Created a self-signed TLS certificate for the broker at {Path}")]
    public static partial void CertificateCreated(ILogger logger, string path);

    [LoggerMessage(1010, LogLevel.Debug, "Connection from {Endpoint} ended: {Error}")]
    public static partial void ConnectionDropped(ILogger logger, string? endpoint, string error);

    [LoggerMessage(1011, LogLevel.Information, "PUBACK for {Topic} was not delivered ({Error}); the broker will redeliver and the duplicate is ignored")]
    public static partial void ExternalAckLost(ILogger logger, string topic, string error);

    [LoggerMessage(1012, LogLevel.Debug, "Online state of {DeviceId} not recorded: the writer has stopped ({Error})")]
    public static partial void OnlineStateLost(ILogger logger, string deviceId, string error);

    [LoggerMessage(1013, LogLevel.Error, "A frame from {DeviceId} could not be committed; not acknowledged, closing the connection so the device resends")]
    public static partial void PipelinedCommitFailed(ILogger logger, Exception error, string deviceId);

    [LoggerMessage(1014, LogLevel.Debug, "PUBACK {PacketId} not delivered ({Error}); the device resends and the duplicate is ignored")]
    public static partial void PubAckLost(ILogger logger, ushort packetId, string error);

    [LoggerMessage(1015, LogLevel.Warning, "{DeviceId} was removed from the registry; disconnected")]
    public static partial void RevokedDisconnected(ILogger logger, string deviceId);
}
