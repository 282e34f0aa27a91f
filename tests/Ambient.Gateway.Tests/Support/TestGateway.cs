using Ambient.Gateway.Api;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Formatter;

namespace Ambient.Gateway.Tests.Support;

/// <summary>
/// A real gateway composed as Program.cs composes it: the MQTTnet broker on a free loopback port, Kestrel on a free
/// port, and a real SQLite file in a temporary data directory. Argon2 runs at its minimum cost to keep tests fast
/// (the cost is a parameter of the hash, not of the code under test).
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<IMqttClient> _clients = [];

    private readonly bool _ownsDirectory;

    private TestGateway(WebApplication app, string dataDirectory, bool ownsDirectory, CapturedLogs logs)
    {
        Logs = logs;
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>
    /// The clock a gateway gets unless a test brings its own: an hour after the 1,780,000,000 (2026-05-28) the test
    /// frames are stamped with, so they are never older than the raw retention, whatever day the tests run.
    /// </summary>
    public static DateTimeOffset DefaultNow { get; } = DateTimeOffset.FromUnixTimeSeconds(1_780_003_600);

    public string DataDirectory { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public int BrokerPort => Services.GetRequiredService<EmbeddedBroker>().Port;

    public Uri ApiBase => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public string ApiToken => Services.GetRequiredService<ApiToken>().Value;

    public IngestCounters Ingest => Services.GetRequiredService<IngestCounters>();

    public BrokerCounters Broker => Services.GetRequiredService<BrokerCounters>();

    public static Task<TestGateway> StartAsync(TimeProvider? time = null, params string[] settings) =>
        StartAsync(Directory.CreateTempSubdirectory("ambient-gw-").FullName, ownsDirectory: true, time, settings);

    /// <summary>A gateway on an existing data directory, which is left in place when the gateway is disposed.</summary>
    public static Task<TestGateway> StartInAsync(string dataDirectory, TimeProvider? time = null, params string[] settings) =>
        StartAsync(dataDirectory, ownsDirectory: false, time, settings);

    private static async Task<TestGateway> StartAsync(string dataDirectory, bool ownsDirectory, TimeProvider? time, string[] settings)
    {
        string[] args =
        [
            $"--DataDirectory={dataDirectory}",
            "--Broker:Address=127.0.0.1",
            "--Broker:Port=0",
            "--Api:Url=http://127.0.0.1:0",
            "--Devices:Argon2MemoryKiB=1024",
            "--Devices:Argon2Iterations=1",
            "--Logging:LogLevel:Default=Warning",
            "--Language:Model:Enabled=false",
            .. settings.Select(s => "--" + s),
        ];
        var builder = GatewayHost.CreateBuilder(args);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(time ?? new FakeTimeProvider(DefaultNow));

        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddDevices(builder.Configuration);
        builder.Services.AddTelemetry(builder.Configuration);
        builder.Services.AddBroker(builder.Configuration);
        builder.Services.AddApi(builder.Configuration);
        var app = builder.Build();
        app.UseApiToken();
        app.MapApi();
        app.MapDevices();
        app.MapTelemetry();
        try
        {
            await app.StartAsync();
        }
        catch (Exception) when (ownsDirectory)
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }

        return new TestGateway(app, dataDirectory, ownsDirectory, logs);
    }

    /// <summary>Registers a device and returns its secret.</summary>
    public string Provision(string id, string kind = "planter") =>
        Services.GetRequiredService<DeviceRegistry>().Add(id, kind).Secret;

    public Task<(IMqttClient Client, MqttClientConnectResult Result)> ConnectAsync(string clientId, string? userName, string? password, MqttProtocolVersion version = MqttProtocolVersion.V500) =>
        ConnectAsync(BrokerPort, clientId, userName, password, version);

    public async Task<(IMqttClient Client, MqttClientConnectResult Result)> ConnectAsync(int port, string clientId, string? userName, string? password, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var connected = await MqttDevice.ConnectAsync(port, clientId, userName, password, version);
        _clients.Add(connected.Client);
        return connected;
    }

    /// <summary>Connects a provisioned device and asserts that the broker accepted it.</summary>
    public Task<IMqttClient> ConnectDeviceAsync(string id, string secret, MqttProtocolVersion version = MqttProtocolVersion.V500) =>
        ConnectDeviceAsync(BrokerPort, id, secret, version);

    public async Task<IMqttClient> ConnectDeviceAsync(int port, string id, string secret, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var (client, result) = await ConnectAsync(port, id, id, secret, version);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Services.GetRequiredService<Database>().Open();
        return Query.Scalar(connection, sql, parameters);
    }

    public HttpClient Http(bool withToken = true)
    {
        var http = new HttpClient { BaseAddress = ApiBase };
        if (withToken)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
