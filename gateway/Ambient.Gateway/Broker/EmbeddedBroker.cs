using System.Net;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Ambient.Gateway.Broker;

/// <summary>
/// MQTTnet's broker inside the gateway. Every CONNECT is checked against the registry; every PUBLISH goes through
/// the ACL and then the ingest path, and no PUBACK leaves before the SQLite commit: a device's telemetry is
/// pipelined by <see cref="InboundPublishes"/> (PUBACK written after the commit, while the connection reads on);
/// everything else goes through <see cref="InterceptPublishAsync"/>, which awaits the commit, so MQTTnet queues
/// the PUBACK only once the frame is durable (MqttConnectedClient.HandleIncomingPublishPacket sends it after the
/// interceptor returns). Handlers are attached before start, so there is no moment without authentication.
/// </summary>
public sealed class EmbeddedBroker(
    IOptions<BrokerOptions> options,
    DeviceAuthenticator authenticator,
    DeviceRegistry registry,
    FrameIngestor ingestor,
    IngestWriter writer,
    BrokerCounters counters,
    BrokerCertificate certificate,
    TimeProvider time,
    IEnumerable<IBrokerIntegration> integrations,
    ILogger<EmbeddedBroker> logger) : IHostedService, IDownlinkPublisher, IDisposable
{
    private MqttServer? _server;
    private MqttServerOptions? _serverOptions;

    /// <summary>The plain MQTT port actually bound (differs from Broker:Port when that is 0).</summary>
    public int Port => _serverOptions?.DefaultEndpointOptions.Port ?? throw new InvalidOperationException("The broker is not started");

    /// <summary>The TLS port actually bound, or null when Broker:Tls:Enabled is false.</summary>
    public int? TlsPort => _serverOptions is { TlsEndpointOptions.IsEnabled: true } o ? o.TlsEndpointOptions.Port : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var builder = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(o.Address))
            .WithDefaultEndpointPort(o.Port)
            .WithDefaultCommunicationTimeout(o.CommunicationTimeout)
            .WithMaxPendingMessagesPerClient(o.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage)
            .WithPersistentSessions()
            .WithKeepAlive();
        if (o.Tls.Enabled)
        {
            builder = builder.WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(IPAddress.Parse(o.Address))
                .WithEncryptedEndpointPort(o.Tls.Port)
                .WithEncryptionCertificate(certificate.LoadOrCreate())
                .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
        }

        _serverOptions = builder.Build();
        var connections = new BrokerConnections(o.MaxUnacknowledgedPerConnection, ingestor, o.CommunicationTimeout, logger);
        var inbound = new InboundPublishes(ingestor, connections, () => _server);
        var adapter = new GuardedTcpServerAdapter(o.MaxPacketBytes, counters, connections, logger);
        _server = new MqttServerFactory().CreateMqttServer(_serverOptions, [adapter]);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingInboundPacketAsync += inbound.InterceptAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientConnectedAsync += OnConnectedAsync;
        _server.ClientDisconnectedAsync += OnDisconnectedAsync;
        registry.MarkAllOffline();
        await _server.StartAsync().ConfigureAwait(false);
        BrokerLog.Listening(logger, o.Address, Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _server?.Dispose();

    public Task PublishAsync(string deviceId, Channel channel, byte[] frame, bool retain, CancellationToken cancellationToken)
    {
        var server = _server ?? throw new InvalidOperationException("The broker is not started");
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.For(deviceId, channel))
            .WithPayload(frame)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        // Injected messages carry the server's session items (no device id), which the ACL treats as the gateway.
        return server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "ambient-gateway" }, cancellationToken);
    }

    /// <summary>The gateway's own QoS 1 publication on any topic (Home Assistant discovery and state).</summary>
    public Task PublishTopicAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var server = _server ?? throw new InvalidOperationException("The broker is not started");
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        return server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "ambient-gateway" }, cancellationToken);
    }

    /// <summary>The client ids connected now (devices and integrations).</summary>
    public async Task<IReadOnlyList<string>> ConnectedClientIdsAsync()
    {
        var server = _server ?? throw new InvalidOperationException("The broker is not started");
        return [.. (await server.GetClientsAsync().ConfigureAwait(false)).Select(c => c.Id)];
    }

    /// <summary>Closes a client's connection (MQTT 5 clients get the reason in a DISCONNECT).</summary>
    public Task DisconnectAsync(string clientId, MqttDisconnectReasonCode reason)
    {
        var server = _server ?? throw new InvalidOperationException("The broker is not started");
        return server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = reason });
    }

    /// <summary>
    /// Deletes the retained copy in the broker's store without publishing anything, so a magnet that is awake and
    /// waiting for its greeting does not receive an empty display frame.
    /// </summary>
    public Task ClearRetainedAsync(string deviceId, Channel channel, CancellationToken cancellationToken)
    {
        var server = _server ?? throw new InvalidOperationException("The broker is not started");
        return server.UpdateRetainedMessageAsync(new MqttApplicationMessage { Topic = Topics.For(deviceId, channel) });
    }

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        // An integration (Home Assistant) logs in with its own credentials and gets its own topic rules below.
        if (integrations.FirstOrDefault(i => i.Accepts(e.UserName, e.Password)) is { } integration)
        {
            e.SessionItems[SessionKeys.Integration] = integration;
            return;
        }

        AuthenticationResult result;
        if (counters.ConnectedClients >= options.Value.MaxConnections)
        {
            result = new AuthenticationResult(MqttConnectReasonCode.ServerBusy, ConnectRejection.TooManyConnections);
        }
        else
        {
            result = await authenticator.AuthenticateAsync(e.ClientId, e.UserName, e.Password, e.CancellationToken).ConfigureAwait(false);
        }

        if (!result.IsAccepted)
        {
            e.ReasonCode = result.ReasonCode;
            counters.ConnectionRejected(result.Reason);
            BrokerLog.ConnectionRefused(logger, e.RemoteEndPoint?.ToString(), e.ClientId, e.UserName, result.Reason);
            return;
        }

        e.SessionItems[SessionKeys.DeviceId] = e.ClientId;
        e.SessionItems[SessionKeys.ProtocolVersion] = e.ProtocolVersion;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.SessionItems?[SessionKeys.Integration] is IBrokerIntegration integration)
        {
            await InterceptIntegrationPublishAsync(e, integration).ConfigureAwait(false);
            return;
        }

        if (e.SessionItems?[SessionKeys.DeviceId] is not string deviceId)
        {
            return; // the gateway's own publication (downlinks)
        }

        var topic = e.ApplicationMessage.Topic;
        if (!DeviceAcl.MayPublish(deviceId, topic))
        {
            counters.AclDenied(AclDenial.Publish);
            BrokerLog.AclDenied(logger, "publish", deviceId, topic);
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            // MQTT 3.1.1 PUBACK cannot carry a refusal; closing is the only honest answer there.
            e.CloseConnection = IsMqtt3(e.SessionItems);
            return;
        }

        var outcome = await ingestor.IngestAsync(topic, e.ApplicationMessage.Payload, e.CancellationToken).ConfigureAwait(false);
        if (outcome.Accepted)
        {
            // Only the retained status is of use to other subscribers; frames reach capabilities through the ingestor.
            e.ProcessPublish = Topics.Parse(topic).Channel == Channel.Status;
            return;
        }

        e.ProcessPublish = false;
        e.Response.ReasonString = outcome.Reason;
        if (outcome.Reason is FrameRejection.RevokedDevice or FrameRejection.UnknownDevice)
        {
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            e.CloseConnection = true;
        }
        else
        {
            e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
        }
    }

    private async Task InterceptIntegrationPublishAsync(InterceptingPublishEventArgs e, IBrokerIntegration integration)
    {
        var topic = e.ApplicationMessage.Topic;
        if (!integration.MayPublish(topic))
        {
            counters.AclDenied(AclDenial.Publish);
            BrokerLog.AclDenied(logger, "publish", integration.Name, topic);
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return;
        }

        await integration.OnPublishedAsync(topic, System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)).ConfigureAwait(false);
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (e.SessionItems?[SessionKeys.Integration] is IBrokerIntegration integration)
        {
            if (!integration.MaySubscribe(e.TopicFilter.Topic))
            {
                counters.AclDenied(AclDenial.Subscribe);
                BrokerLog.AclDenied(logger, "subscribe", integration.Name, e.TopicFilter.Topic);
                e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            }

            return Task.CompletedTask;
        }

        if (e.SessionItems?[SessionKeys.DeviceId] is string deviceId && !DeviceAcl.MaySubscribe(deviceId, e.TopicFilter.Topic))
        {
            counters.AclDenied(AclDenial.Subscribe);
            BrokerLog.AclDenied(logger, "subscribe", deviceId, e.TopicFilter.Topic);
            // Deny by reason code rather than ProcessSubscription=false (MQTTnet #2062).
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private Task OnConnectedAsync(ClientConnectedEventArgs e)
    {
        counters.Connected();
        if (e.SessionItems[SessionKeys.Integration] is not null)
        {
            return Task.CompletedTask; // not a device: nothing to record in the registry
        }

        BrokerLog.DeviceConnected(logger, e.ClientId);
        return RecordOnlineAsync(e.ClientId, online: true);
    }

    private Task OnDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        counters.Disconnected();
        if (e.SessionItems[SessionKeys.Integration] is not null)
        {
            return Task.CompletedTask;
        }

        BrokerLog.DeviceDisconnected(logger, e.ClientId, e.DisconnectType.ToString());
        // After a takeover the same device is connected again on a new socket.
        return e.DisconnectType == MqttClientDisconnectType.Takeover ? Task.CompletedTask : RecordOnlineAsync(e.ClientId, online: false);
    }

    private async Task RecordOnlineAsync(string deviceId, bool online)
    {
        try
        {
            // A disconnect is not a sign of life, so it leaves last_seen alone.
            await writer.WriteAsync(
                new IngestBatch { DeviceId = deviceId, ReceivedAt = time.GetUtcNow().ToUnixTimeSeconds(), Online = online, Seen = online },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Threading.Channels.ChannelClosedException or OperationCanceledException)
        {
            // Shutting down; the next start marks every device offline anyway (MarkAllOffline).
            BrokerLog.OnlineStateLost(logger, deviceId, e.Message);
        }
    }

    private static bool IsMqtt3(System.Collections.IDictionary? items) =>
        items?[SessionKeys.ProtocolVersion] is MqttProtocolVersion version && version != MqttProtocolVersion.V500;
}
