using Ambient.Gateway.Telemetry;
using Ambient.Protocol;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Broker;

/// <summary>
/// The gateway as a client of an external broker (Mosquitto). A fixed client id with a persistent session
/// (clean start off, session expiry Broker:External:SessionExpiry) makes the broker keep unacknowledged QoS 1
/// messages while the gateway is away; each message is acknowledged only after its commit (MQTTnet 5 manual
/// acknowledgement), so a crash between receive and commit means redelivery, not loss (MQTT-4.4.0-1). The broker
/// must enforce the device ACL here (see README of the Broker folder); the gateway still refuses unknown and
/// revoked devices per frame. MQTTnet 5 has no managed client, so reconnecting is this loop.
/// </summary>
public sealed class ExternalBrokerClient(
    IOptions<BrokerOptions> options,
    FrameIngestor ingestor,
    ILogger<ExternalBrokerClient> logger) : BackgroundService, IDownlinkPublisher
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsConnected => _client.IsConnected;

    /// <summary>Completes when the client is connected and subscribed (tests, readiness).</summary>
    public Task Ready => _ready.Task;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task PublishAsync(string deviceId, Channel channel, byte[] frame, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.For(deviceId, channel))
            .WithPayload(frame)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        return _client.PublishAsync(message, cancellationToken);
    }

    /// <summary>
    /// An empty retained publication deletes the broker's retained copy (MQTT 3.3.1.3). A subscriber that is online
    /// also gets the empty message; the devices' decoder rejects an empty frame and carries on.
    /// </summary>
    public Task ClearRetainedAsync(string deviceId, Channel channel, CancellationToken cancellationToken) =>
        PublishAsync(deviceId, channel, [], retain: true, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.External;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += _ =>
        {
            _disconnected.TrySetResult();
            return Task.CompletedTask;
        };
        var clientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Host, o.Port)
            .WithClientId(o.ClientId)
            .WithCredentials(o.UserName, o.Password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)o.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(options.Value.CommunicationTimeout)
            .Build();

        while (!stoppingToken.IsCancellationRequested)
        {
            _disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                var result = await _client.ConnectAsync(clientOptions, stoppingToken).ConfigureAwait(false);
                // MQTTnet 5 does not throw on a refused CONNACK.
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    BrokerLog.ExternalConnectFailed(logger, o.Host!, o.Port, result.ResultCode.ToString());
                }
                else
                {
                    BrokerLog.ExternalConnected(logger, o.Host!, o.Port, o.ClientId, result.IsSessionPresent);
                    if (!result.IsSessionPresent)
                    {
                        var subscribe = new MqttClientSubscribeOptionsBuilder()
                            .WithTopicFilter(Topics.AllUp, MqttQualityOfServiceLevel.AtLeastOnce)
                            .WithTopicFilter(Topics.AllStatus, MqttQualityOfServiceLevel.AtLeastOnce)
                            .Build();
                        await _client.SubscribeAsync(subscribe, stoppingToken).ConfigureAwait(false);
                    }

                    _ready.TrySetResult();
                    await _disconnected.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                BrokerLog.ExternalConnectFailed(logger, o.Host!, o.Port, e.Message);
            }

            await Task.Delay(o.ReconnectDelay, stoppingToken).ConfigureAwait(false);
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        // IngestAsync reads the payload and queues the batch before it first yields, so arrival order is kept while
        // many messages share one commit; the PUBACK for each goes when its commit completes.
        var commit = ingestor.IngestAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, CancellationToken.None);
        _ = AcknowledgeAfterCommitAsync(commit, e);
        return Task.CompletedTask;
    }

    private async Task AcknowledgeAfterCommitAsync(Task<IngestOutcome> commit, MqttApplicationMessageReceivedEventArgs e)
    {
        try
        {
            // Rejected (malformed) frames are acknowledged too: see FrameIngestor for why.
            await commit.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any commit failure means "do not acknowledge"; the reconnect makes the broker resend.
        catch (Exception error)
#pragma warning restore CA1031
        {
            BrokerLog.ExternalCommitFailed(logger, error, e.ApplicationMessage.Topic);
            await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.UnspecifiedError).ConfigureAwait(false);
            return;
        }

        try
        {
            await e.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection dropped between commit and PUBACK: the broker redelivers and the insert is idempotent.
            BrokerLog.ExternalAckLost(logger, e.ApplicationMessage.Topic, error.Message);
        }
    }
}
