using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Devices;

public static class DevicesServiceCollectionExtensions
{
    public static IServiceCollection AddDevices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DevicesOptions>()
            .Bind(configuration.GetSection(DevicesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSchema<DeviceSchema>();
        services.AddSingleton<SecretHasher>();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<DeviceAuthenticator>();
        return services;
    }
}
