using Ambient.Gateway.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ambient.Gateway.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Process-wide services: the clock every capability reads (tests swap in a fake), systemd integration, and
    /// relative storage paths resolved against the data directory rather than the working directory.
    /// </summary>
    public static IServiceCollection AddGatewayHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSystemd();
        services.TryAddSingleton(TimeProvider.System);
        services.PostConfigure<StorageOptions>(o => o.DatabasePath = DataDirectory.Combine(configuration, o.DatabasePath));
        // Ports stay closed until the storage schema and options are valid, so a bad key fails fast and by name.
        services.Configure<HostOptions>(o => o.ServicesStartConcurrently = false);
        return services;
    }
}
