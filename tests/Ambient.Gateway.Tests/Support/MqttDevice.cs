using MQTTnet;
using MQTTnet.Formatter;

namespace Ambient.Gateway.Tests.Support;

/// <summary>A real MQTTnet client standing in for a device.</summary>
public static class MqttDevice
{
    public static async Task<(IMqttClient Client, MqttClientConnectResult Result)> ConnectAsync(int port, string clientId, string? userName, string? password, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (userName is not null)
        {
            options = options.WithCredentials(userName, password);
        }

        var result = await client.ConnectAsync(options.Build());
        return (client, result);
    }

    /// <summary>Connects and asserts the broker accepted the device.</summary>
    public static async Task<IMqttClient> ConnectAcceptedAsync(int port, string id, string secret, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var (client, result) = await ConnectAsync(port, id, id, secret, version);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }
}
