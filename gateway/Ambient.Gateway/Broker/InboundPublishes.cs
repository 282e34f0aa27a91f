using Ambient.Gateway.Devices;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Ambient.Gateway.Broker;

/// <summary>
/// Pipelines a device's QoS 1 PUBLISHes: commit before PUBACK, without holding up the connection's next packet.
/// <para>
/// MQTTnet handles one connection's packets strictly in turn (MqttConnectedClient.ReceivePackagesLoop awaits
/// HandleIncomingPublishPacket, which awaits InterceptingPublishAsync, before it reads the next packet). Awaiting the
/// commit there lets a commit hold at most one frame per connection, so 32 publishers gave about 4k frames/s. Here,
/// in MQTTnet's inbound-packet hook (called before that handling), the frame is checked, decoded and queued for the
/// writer at once, the packet is taken out of MQTTnet's hands, and the PUBACK is written on the connection's own
/// channel after the commit, in arrival order (<see cref="PublishPipeline"/>). The durability promise is unchanged:
/// no PUBACK leaves before COMMIT has returned.
/// </para>
/// <para>
/// Only the common case is pipelined: a registered device's QoS 1 PUBLISH on one of its own `up/` topics, without a
/// topic alias or the retain flag. Everything else (status, ACL refusals, QoS 0/2, MQTT 5 aliases) first waits for
/// the connection's outstanding PUBACKs and then takes MQTTnet's normal path (EmbeddedBroker.InterceptPublishAsync),
/// so acknowledgements never overtake each other.
/// </para>
/// </summary>
internal sealed class InboundPublishes(
    FrameIngestor ingestor,
    BrokerConnections connections,
    Func<MqttServer?> server)
{
    /// <summary>
    /// What a pipelined PUBLISH is replaced with for MQTTnet: an inbound PUBACK for packet id 0, which MQTT never
    /// assigns, so MQTTnet finds nothing to acknowledge and moves on. It still counts as a received packet, which is
    /// what its keep-alive monitor looks at (a dropped packet would let a device that only publishes look silent and
    /// be disconnected after 1.5 keep-alive periods). A QoS 0 PUBLISH did the same, but went through MQTTnet's whole
    /// dispatch (message copy, publish interceptor, subscription match) once more per frame.
    /// </summary>
    private static readonly MqttPubAckPacket Handled = new() { PacketIdentifier = 0 };

    public async Task InterceptAsync(InterceptingPacketEventArgs e)
    {
        if (e.SessionItems?[SessionKeys.DeviceId] is not string deviceId || connections.Find(e.RemoteEndPoint) is not { } pipeline)
        {
            return;
        }

        if (e.Packet is not MqttPublishPacket { QualityOfServiceLevel: MqttQualityOfServiceLevel.AtLeastOnce, TopicAlias: 0, Retain: false } publish
            || !DeviceAcl.MayPublish(deviceId, publish.Topic)
            || Topics.Parse(publish.Topic).Channel == Channel.Status)
        {
            // MQTTnet answers this packet itself (a PUBACK, SUBACK, PINGRESP …) once earlier PUBACKs are out.
            await pipeline.DrainAsync().ConfigureAwait(false);
            return;
        }

        var pending = ingestor.Begin(publish.Topic, publish.Payload, CancellationToken.None);
        e.Packet = Handled;
        if (pending.Commit is null && pending.Rejection.Reason is FrameRejection.RevokedDevice or FrameRejection.UnknownDevice)
        {
            // Removed while connected: no PUBACK (the frame stays in the device's flash, unstored) and the
            // connection is closed, as the normal path does with CloseConnection.
            await pipeline.DrainAsync().ConfigureAwait(false);
            pipeline.Break();
            if (server() is { } s)
            {
                await s.DisconnectClientAsync(e.ClientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized }).ConfigureAwait(false);
            }

            return;
        }

        await pipeline.EnqueueAsync(pending, publish.PacketIdentifier, deviceId).ConfigureAwait(false);
    }
}
