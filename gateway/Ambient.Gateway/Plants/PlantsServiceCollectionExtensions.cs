using Ambient.Gateway.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Plants;

public static class PlantsServiceCollectionExtensions
{
    /// <summary>Plants: options (section "Plants"), tables, <see cref="PlantMonitor"/> and the periodic re-evaluation.</summary>
    public static IServiceCollection AddPlants(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlantsOptions>()
            .Bind(configuration.GetSection(PlantsOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlantsOptions>, PlantsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSchema<PlantsSchema>();
        services.TryAddSingleton<PlantStore>();
        services.TryAddSingleton<PlantMonitor>();
        services.AddHostedService<PlantReevaluator>();
        return services;
    }
}
