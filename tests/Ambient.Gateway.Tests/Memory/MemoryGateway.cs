using Ambient.Gateway.Api;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace Ambient.Gateway.Tests.Memory;

/// <summary>
/// The whole gateway composed as Program.cs composes it (every capability the recorder listens to, AddMemory and
/// MapMemory), on a free broker port and a free HTTP port, with a real SQLite file in a temporary directory.
/// Support/TestGateway composes only the ingest path, so Memory brings its own.
/// </summary>
internal sealed class MemoryGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dir;
    private readonly List<IMqttClient> _clients = [];

    private MemoryGateway(WebApplication app, string dir)
    {
        _app = app;
        _dir = dir;
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<MemoryGateway> StartAsync(TimeProvider time)
    {
        var dir = Directory.CreateTempSubdirectory("ambient-memory-gw-").FullName;
        var builder = GatewayHost.CreateBuilder(
        [
            $"--DataDirectory={dir}",
            "--Broker:Address=127.0.0.1",
            "--Broker:Port=0",
            "--Api:Url=http://127.0.0.1:0",
            "--Devices:Argon2MemoryKiB=1024",
            "--Devices:Argon2Iterations=1",
            "--Logging:LogLevel:Default=Warning",
            "--Weather:UseBundledSample=true",
            "--Greetings:Person=Ana",
            "--Language:Model:Enabled=false",
            "--Plants:Pots:0:DeviceId=kitchen-basil",
            "--Plants:Pots:0:Name=Basil",
            "--Plants:Pots:0:Species=basil",
        ]);
        builder.Services.AddSingleton(time);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddDevices(builder.Configuration);
        builder.Services.AddGateway(builder.Configuration);
        var app = builder.Build();
        app.MapGateway();
        try
        {
            await app.StartAsync();
        }
        catch (Exception)
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
            throw;
        }

        return new MemoryGateway(app, dir);
    }

    /// <summary>Registers a device, connects it to the broker and returns the connected client.</summary>
    public async Task<IMqttClient> ConnectAsync(string id, string kind)
    {
        var secret = Services.GetRequiredService<DeviceRegistry>().Add(id, kind).Secret;
        var client = await MqttDevice.ConnectAcceptedAsync(Services.GetRequiredService<EmbeddedBroker>().Port, id, secret);
        _clients.Add(client);
        return client;
    }

    public HttpClient Http(bool withToken = true)
    {
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        if (withToken)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Services.GetRequiredService<ApiToken>().Value);
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
        Directory.Delete(_dir, recursive: true);
    }
}
