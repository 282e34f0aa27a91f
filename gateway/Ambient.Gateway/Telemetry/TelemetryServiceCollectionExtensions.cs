using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Registers the ingest path, its single writer and the retention job. Add before the broker, so the
    /// writer starts before the first frame can arrive and stops after the last one is acknowledged.</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSchema<TelemetrySchema>();
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<IngestWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestWriter>());
        services.AddSingleton<FrameIngestor>();
        services.AddSingleton<TelemetryStore>();
        services.AddSingleton<NewestReadings>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
