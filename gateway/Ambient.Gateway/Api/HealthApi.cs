using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Weather;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Api;

public static class HealthApi
{
    /// <summary>
    /// <c>GET /api/health</c>: connected devices (live MQTT connections with the embedded broker; devices whose
    /// status is online with an external one), the ingest rate, every counter with its reason, and whether the
    /// weather the greetings use is stale.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/health", (IngestCounters ingest, BrokerCounters broker, DeviceRegistry registry, IOptions<BrokerOptions> options, TimeProvider time, IServiceProvider services) =>
        {
            var mode = options.Value.Mode;
            var weather = services.GetService<WeatherService>() is { } service
                ? service.Current is { } report
                    ? new WeatherHealth(true, report.IsStale, Math.Round(report.Age.TotalMinutes, 1), report.LastError)
                    : new WeatherHealth(false, true, null, "no forecast yet")
                : null;
            return Results.Ok(new HealthResponse(
                "ok",
                time.GetUtcNow(),
                mode == BrokerMode.Embedded ? "embedded" : "external",
                mode == BrokerMode.Embedded ? broker.ConnectedClients : registry.CountOnline(),
                ingest.FramesPerSecond(),
                ingest.AcceptedFrames,
                ingest.StoredReadings,
                ingest.DuplicateReadings,
                ingest.ExpiredReadings,
                ingest.RejectedFrames,
                broker.RejectedConnections,
                broker.AclDenials,
                weather));
        });
        return endpoints;
    }
}
