using Ambient.Gateway.Broker;

namespace Ambient.Gateway.HomeAssistant;

public static class HomeAssistantServiceCollectionExtensions
{
    /// <summary>
    /// Home Assistant MQTT discovery on the embedded broker (HA connects to it with its own login). Call after
    /// AddBroker and AddDashboard. With an external broker HA reads that broker, which this gateway does not
    /// publish discovery to yet.
    /// </summary>
    public static IServiceCollection AddHomeAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(HomeAssistantOptions.Section);
        services.AddOptions<HomeAssistantOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var embedded = configuration.GetSection(BrokerOptions.Section).GetValue(nameof(BrokerOptions.Mode), BrokerMode.Embedded) == BrokerMode.Embedded;
        if (!section.GetValue(nameof(HomeAssistantOptions.Enabled), true) || !embedded)
        {
            return services;
        }

        services.AddSingleton<HomeAssistantCredentials>();
        services.AddSingleton<DeviceStateReader>();
        services.AddSingleton<HomeAssistantAccess>();
        services.AddSingleton<IBrokerIntegration>(sp => sp.GetRequiredService<HomeAssistantAccess>());
        services.AddSingleton<HomeAssistantBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<HomeAssistantBridge>());
        return services;
    }
}
