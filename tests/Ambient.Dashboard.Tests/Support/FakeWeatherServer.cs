using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ambient.Dashboard.Tests.Support;

/// <summary>
/// Open-Meteo on loopback (the internet is a boundary): answers /v1/forecast with the recorded response the gateway
/// ships, and remembers which latitude/longitude each request asked for.
/// </summary>
public sealed class FakeWeatherServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeWeatherServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(double Latitude, double Longitude)> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FakeWeatherServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeWeatherServer(app);
        var body = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Weather", "open-meteo-sample.json"));
        app.MapGet("/v1/forecast", (HttpRequest request) =>
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            server.Requests.Enqueue((double.Parse(request.Query["latitude"]!, inv), double.Parse(request.Query["longitude"]!, inv)));
            return Results.Text(body, "application/json");
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
