using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace Ambient.Gateway.Broker;

/// <summary>
/// A TCP (and TLS) listener for MQTTnet that puts <see cref="PacketSizeGuardStream"/> under every connection, the
/// one thing MQTTnet's own MqttTcpServerAdapter cannot be told to do. It binds exactly the configured address
/// (MQTTnet's adapter also binds IPv6-any) and writes the bound port back into the endpoint options, as MQTTnet's
/// listener does, so port 0 works.
/// </summary>
internal sealed class GuardedTcpServerAdapter(int maxPacketBytes, BrokerCounters counters, BrokerConnections connections, ILogger logger) : IMqttServerAdapter
{
    private readonly List<Socket> _listeners = [];
    private CancellationTokenSource? _stopping;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _stopping = new CancellationTokenSource();
        if (options.DefaultEndpointOptions.IsEnabled)
        {
            Listen(options, options.DefaultEndpointOptions, null, logger);
        }

        if (options.TlsEndpointOptions is { IsEnabled: true } tls)
        {
            var certificate = tls.CertificateProvider?.GetCertificate() ?? throw new InvalidOperationException("Broker:Tls is enabled but no certificate is set");
            Listen(options, tls, certificate, logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        Cleanup();
        return Task.CompletedTask;
    }

    public void Dispose() => Cleanup();

    private void Cleanup()
    {
        _stopping?.Cancel();
        _stopping?.Dispose();
        _stopping = null;
        foreach (var socket in _listeners)
        {
            socket.Dispose();
        }

        _listeners.Clear();
    }

    private void Listen(MqttServerOptions options, MqttServerTcpEndpointBaseOptions endpoint, X509Certificate2? certificate, IMqttNetLogger mqttLogger)
    {
        var address = endpoint.BoundInterNetworkAddress;
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(address, endpoint.Port));
        endpoint.Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        socket.Listen(endpoint.ConnectionBacklog);
        _listeners.Add(socket);
        var token = _stopping!.Token;
        _ = Task.Run(() => AcceptAsync(socket, options, endpoint, certificate, mqttLogger, token), token);
    }

    private async Task AcceptAsync(Socket listener, MqttServerOptions options, MqttServerTcpEndpointBaseOptions endpoint, X509Certificate2? certificate, IMqttNetLogger mqttLogger, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && token.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client, options, endpoint, certificate, mqttLogger, token), token);
        }
    }

    private async Task HandleAsync(Socket socket, MqttServerOptions options, MqttServerTcpEndpointBaseOptions endpoint, X509Certificate2? certificate, IMqttNetLogger mqttLogger, CancellationToken token)
    {
        socket.NoDelay = true;
        if (endpoint.KeepAlive == true)
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        }

        var remote = socket.RemoteEndPoint;
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        PacketSizeGuardStream? guard = null;
        try
        {
            X509Certificate2? clientCertificate = null;
            if (certificate is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(token);
                handshake.CancelAfter(options.DefaultCommunicationTimeout);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    EnabledSslProtocols = endpoint is MqttServerTlsTcpEndpointOptions tls ? tls.SslProtocol : System.Security.Authentication.SslProtocols.None,
                    EncryptionPolicy = EncryptionPolicy.RequireEncryption,
                }, handshake.Token).ConfigureAwait(false);
                clientCertificate = ssl.RemoteCertificate as X509Certificate2;
            }

            guard = new PacketSizeGuardStream(stream, maxPacketBytes);
            stream = guard;
            var handler = ClientHandler;
            if (handler is null)
            {
                return;
            }

            var writes = new PubAckCoalescer(guard, connections.Capacity);
            stream = writes;
            var channel = new MqttTcpChannel(writes, socket.LocalEndPoint, remote, clientCertificate);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, mqttLogger) { AllowPacketFragmentation = endpoint.AllowPacketFragmentation };
            connections.Open(remote!, adapter, writes);
            try
            {
                await handler(adapter).ConfigureAwait(false);
            }
            finally
            {
                connections.Close(remote!);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
        {
            // A client that drops, fails TLS or times out affects only itself; MQTTnet logs protocol errors.
            BrokerLog.ConnectionDropped(logger, remote?.ToString(), e.GetType().Name);
        }
        finally
        {
            if (guard is { RefusedPacketBytes: > 0 } refused)
            {
                counters.ConnectionRejected(PacketTooLarge);
                BrokerLog.PacketTooLarge(logger, remote?.ToString(), refused.RefusedPacketBytes, maxPacketBytes);
            }

            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The counted reason for connections closed by the size guard.</summary>
    public const string PacketTooLarge = "packet too large";
}
