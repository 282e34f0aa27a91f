using System.Collections.Concurrent;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Tests.Broker;

/// <summary>
/// External-broker mode with the password and ACL files the gateway writes on <c>devices add|remove</c>, enforced
/// by a real Mosquitto: the same rules as the embedded broker's DeviceAcl.
/// </summary>
public sealed class MosquittoAuthFilesTests : IAsyncLifetime, IDisposable
{
    private const string Gateway = "ambient-gateway";
    private const string GatewaySecret = "gateway-secret";
    private readonly TestRegistry _devices = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-authfiles-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly List<IMqttClient> _clients = [];
    private BrokerOptions _broker = null!;
    private Mosquitto? _mosquitto;

    public Task InitializeAsync()
    {
        _broker = new BrokerOptions
        {
            Mode = BrokerMode.External,
            AdvertisedHost = "gateway.local",
            External = new ExternalBrokerOptions
            {
                Host = "127.0.0.1",
                UserName = Gateway,
                Password = GatewaySecret,
                PasswordFile = Path.Combine(_dir, "ambient.passwd"),
                AclFile = Path.Combine(_dir, "ambient.acl"),
            },
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    public void Dispose()
    {
        _devices.Dispose();
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public async Task Mosquitto_enforces_the_written_credentials_and_acl_and_a_removed_device_is_refused_after_reload()
    {
        var secretA = Add("device-a");
        var secretB = Add("device-b");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_broker.External.PasswordFile!));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_broker.External.AclFile!));
        }

        _mosquitto = await Mosquitto.StartAsync(_broker.External.PasswordFile!, _broker.External.AclFile!);
        var port = _mosquitto.Port;
        var gatewaySeen = new ConcurrentQueue<string>();
        var gateway = await ConnectAsync(Gateway, GatewaySecret);
        gateway.ApplicationMessageReceivedAsync += e =>
        {
            gatewaySeen.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };
        await gateway.SubscribeAsync(Topics.AllUp, MqttQualityOfServiceLevel.AtLeastOnce);

        Assert.NotEqual(MqttClientConnectResultCode.Success, await TryConnectAsync(port, "device-a", "guess"));

        var a = await ConnectAsync("device-a", secretA);
        var aSeen = new ConcurrentQueue<string>();
        a.ApplicationMessageReceivedAsync += e =>
        {
            aSeen.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };

        // A's own up/ reaches the gateway; B's up/ published by A does not (it was sent first on the same connection,
        // so had Mosquitto forwarded it, the gateway would have seen it before A's own).
        await a.PublishQos1Async(Topics.For("device-b", Channel.Telemetry), [1]);
        await a.PublishQos1Async(Topics.For("device-a", Channel.Telemetry), [2]);
        await Eventually.TrueAsync(() => gatewaySeen.Contains(Topics.For("device-a", Channel.Telemetry)), "A's own telemetry reaches the gateway");
        Assert.DoesNotContain(Topics.For("device-b", Channel.Telemetry), gatewaySeen);

        // A may subscribe to its own down/ and receives it; a subscription to B's down/ delivers nothing.
        await a.SubscribeAsync(Topics.DownFilter("device-b"), MqttQualityOfServiceLevel.AtLeastOnce);
        await a.SubscribeAsync(Topics.DownFilter("device-a"), MqttQualityOfServiceLevel.AtLeastOnce);
        await gateway.PublishQos1Async(Topics.For("device-b", Channel.Display), [3]);
        await gateway.PublishQos1Async(Topics.For("device-a", Channel.Display), [4]);
        await Eventually.TrueAsync(() => aSeen.Contains(Topics.For("device-a", Channel.Display)), "A receives its own downlink");
        Assert.DoesNotContain(Topics.For("device-b", Channel.Display), aSeen);

        var b = await ConnectAsync("device-b", secretB);
        b.Dispose();

        File.WriteAllText(Path.Combine(_dir, "mosquitto.pid"), $"{_mosquitto.ProcessId}\n");
        _broker.External.PidFile = Path.Combine(_dir, "mosquitto.pid");
        Assert.Equal(0, Run("remove", "device-b"));
        Assert.DoesNotContain("device-b", File.ReadAllText(_broker.External.PasswordFile!), StringComparison.Ordinal);

        // SIGHUP is handled asynchronously: poll until the reloaded password file refuses B.
        var deadline = Environment.TickCount64 + 10000;
        while (await TryConnectAsync(port, "device-b", secretB) == MqttClientConnectResultCode.Success)
        {
            Assert.True(Environment.TickCount64 < deadline, "device-b is still accepted after remove and reload");
            await Task.Delay(100);
        }

        Assert.Equal(MqttClientConnectResultCode.Success, await TryConnectAsync(port, "device-a", secretA));
    }

    [Fact]
    public void The_file_options_are_validated_with_errors_naming_their_keys()
    {
        _broker.External.AclFile = null;
        _broker.External.PidFile = "/run/mosquitto.pid";
        Assert.Contains("Broker:External:PasswordFile and Broker:External:AclFile must be set together", MosquittoAuthFiles.Validate(_broker.External));

        _broker.External.AclFile = "/no/such/dir/ambient.acl";
        Assert.Contains("Broker:External:AclFile '/no/such/dir/ambient.acl': its directory does not exist", MosquittoAuthFiles.Validate(_broker.External));

        _broker.External.PasswordFile = null;
        _broker.External.AclFile = null;
        Assert.Equal(["Broker:External:PidFile requires Broker:External:PasswordFile"], MosquittoAuthFiles.Validate(_broker.External));
        Assert.Equal(1, Run("add", "device-c", "--kind", "planter"));
        Assert.Null(_devices.Registry.Find("device-c"));
    }

    private string Add(string id)
    {
        Assert.Equal(0, Run("add", id, "--kind", "planter"));
        return _out.ToString().Split('\n').Last(l => l.TrimStart().StartsWith("secret:", StringComparison.Ordinal)).Split(':')[1].Trim();
    }

    private int Run(params string[] args) => new DevicesCommand(_devices.Registry, _broker, _out, _err).Run(args);

    private async Task<IMqttClient> ConnectAsync(string user, string secret)
    {
        var client = await MqttDevice.ConnectAcceptedAsync(_mosquitto!.Port, user, secret);
        _clients.Add(client);
        return client;
    }

    private static async Task<MqttClientConnectResultCode> TryConnectAsync(int port, string user, string secret)
    {
        try
        {
            var (client, result) = await MqttDevice.ConnectAsync(port, user + "-probe", user, secret);
            client.Dispose();
            return result.ResultCode;
        }
        catch (MqttConnectingFailedException)
        {
            return MqttClientConnectResultCode.UnspecifiedError; // refused either way
        }
    }
}
