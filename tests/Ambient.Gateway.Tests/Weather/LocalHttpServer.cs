using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ambient.Gateway.Tests.Weather;

/// <summary>
/// A real HTTP server on 127.0.0.1 with an OS-assigned port, answering every request with <see cref="Respond"/>.
/// Tests swap the responder to simulate an API that fails, or dispose the server to simulate the network going away.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private LocalHttpServer(WebApplication app) => _app = app;

    public Func<HttpContext, Task> Respond { get; set; } = context =>
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    };

    public Uri BaseAddress { get; private set; } = null!;

    public int Requests { get; private set; }

    public static async Task<LocalHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalHttpServer(app);
        app.Run(context =>
        {
            server.Requests++;
            return server.Respond(context);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public static Func<HttpContext, Task> Text(string body, string contentType = "application/json", int status = 200) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    };

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
