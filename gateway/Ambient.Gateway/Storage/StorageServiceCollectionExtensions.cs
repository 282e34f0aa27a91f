using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ambient.Gateway.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<Database>();
        return services;
    }

    /// <summary>Registers a capability's tables; call from that capability's AddX().</summary>
    public static IServiceCollection AddSchema<TSchema>(this IServiceCollection services)
        where TSchema : class, ISchema
    {
        services.AddSingleton<ISchema, TSchema>();
        return services;
    }
}
