namespace Ambient.Gateway.Broker;

public static class BrokerServiceCollectionExtensions
{
    /// <summary>
    /// The embedded broker or the external-broker client (Broker:Mode), both feeding the same FrameIngestor. Call
    /// after AddTelemetry, so the broker starts after the writer and stops before it.
    /// </summary>
    public static IServiceCollection AddBroker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BrokerOptions>()
            .Bind(configuration.GetSection(BrokerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<BrokerCounters>();
        services.AddSingleton<BrokerCertificate>();
        var mode = configuration.GetSection(BrokerOptions.Section).GetValue(nameof(BrokerOptions.Mode), BrokerMode.Embedded);
        if (mode == BrokerMode.External)
        {
            services.AddSingleton<ExternalBrokerClient>();
            services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerClient>());
            services.AddSingleton<IDownlinkPublisher>(sp => sp.GetRequiredService<ExternalBrokerClient>());
        }
        else
        {
            services.AddSingleton<EmbeddedBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
            services.AddSingleton<IDownlinkPublisher>(sp => sp.GetRequiredService<EmbeddedBroker>());
            services.AddHostedService<RevocationWatcher>();
        }

        return services;
    }
}
