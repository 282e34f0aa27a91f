using Ambient.Gateway.Api;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Demo;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ambient.Dashboard.Tests.Support;

/// <summary>
/// The whole gateway as `demo` runs it (Program.cs's composition plus AddDemo: the simulated household's real
/// firmware apps on the embedded broker, on an accelerated clock), in a temporary data directory, with Kestrel on a
/// free port and the weather from <see cref="FakeWeatherServer"/> instead of the bundled sample, so a new location
/// is visibly fetched.
/// </summary>
public sealed class DashboardGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dir;

    private DashboardGateway(WebApplication app, string dir, FakeWeatherServer weather)
    {
        _app = app;
        _dir = dir;
        Weather = weather;
    }

    public FakeWeatherServer Weather { get; }

    public IServiceProvider Services => _app.Services;

    public Uri BaseUrl => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public string Token => Services.GetRequiredService<ApiToken>().Value;

    public int BrokerPort => Services.GetRequiredService<EmbeddedBroker>().Port;

    public string DataDirectory => _dir;

    public static async Task<DashboardGateway> StartAsync(double speed = 600)
    {
        var dir = Directory.CreateTempSubdirectory("ambient-dashboard-").FullName;
        var weather = await FakeWeatherServer.StartAsync();
        var builder = GatewayHost.CreateBuilder(["--Api:Url=http://127.0.0.1:0"]);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddDevices(builder.Configuration);
        builder.AddDemo(new DemoOptions(null, speed));
        // After AddDemo, whose own values (./.ambient, the bundled weather sample) these replace.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataDirectory"] = dir,
            ["Broker:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:AdvertisedHost"] = "127.0.0.1",
            ["Devices:Argon2MemoryKiB"] = "1024",
            ["Devices:Argon2Iterations"] = "1",
            ["Weather:UseBundledSample"] = "false",
            ["Weather:BaseUrl"] = weather.BaseUrl.ToString(),
            ["Weather:MaxRetryAttempts"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
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
            await weather.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
            throw;
        }

        return new DashboardGateway(app, dir, weather);
    }

    public HttpClient Http(string? token = null)
    {
        var http = new HttpClient { BaseAddress = BaseUrl };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    public string Provision(string id, string kind) => Services.GetRequiredService<DeviceRegistry>().Add(id, kind).Secret;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Weather.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
