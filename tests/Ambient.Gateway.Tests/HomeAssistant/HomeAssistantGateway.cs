using Ambient.Gateway.Api;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ambient.Gateway.Tests.HomeAssistant;

/// <summary>
/// The whole gateway composed as Program.cs composes it (discovery listens to devices, plants and provisioning), on
/// a free broker port, with a real SQLite file in a temporary directory and one configured pot.
/// </summary>
internal sealed class HomeAssistantGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dir;

    private HomeAssistantGateway(WebApplication app, string dir)
    {
        _app = app;
        _dir = dir;
    }

    public IServiceProvider Services => _app.Services;

    public int BrokerPort => Services.GetRequiredService<EmbeddedBroker>().Port;

    public static async Task<HomeAssistantGateway> StartAsync(TimeProvider time)
    {
        var dir = Directory.CreateTempSubdirectory("ambient-ha-gw-").FullName;
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

        return new HomeAssistantGateway(app, dir);
    }

    public string Token => Services.GetRequiredService<ApiToken>().Value;

    public DeviceRegistry Registry => Services.GetRequiredService<DeviceRegistry>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
