namespace Ambient.Gateway.Devices;

public static class DevicesApi
{
    /// <summary><c>GET /api/devices</c>: the registry without secrets (revoked devices with <c>?all=true</c>).</summary>
    public static IEndpointRouteBuilder MapDevices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/devices", (DeviceRegistry registry, bool? all) => Results.Ok(registry.List(all ?? false)));
        return endpoints;
    }
}
