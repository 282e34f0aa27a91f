using System.Device.I2c;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ambient.Gateway.Sensors;

public static class SensorsServiceCollectionExtensions
{
    /// <summary>
    /// The gateway's own indoor sensor: options (section "IndoorSensor", validated at start) and
    /// <see cref="IndoorSensor"/>, registered whether enabled or not so greetings can always ask it. The I2C device
    /// comes from a <c>Func&lt;I2cConnectionSettings, I2cDevice&gt;</c> (the real bus unless a test registers its own).
    /// </summary>
    public static IServiceCollection AddIndoorSensor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IndoorSensorOptions>()
            .Bind(configuration.GetSection(IndoorSensorOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Func<I2cConnectionSettings, I2cDevice>>(I2cDevice.Create);
        services.TryAddSingleton<IndoorSensor>();
        services.AddHostedService(sp => sp.GetRequiredService<IndoorSensor>());
        return services;
    }
}
