using Ambient.Gateway.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ambient.Gateway.Memory;

public static class MemoryServiceCollectionExtensions
{
    /// <summary>
    /// Memory: the table and its full-text index, <see cref="MemoryStore"/> (which the greeting reads so it does not
    /// repeat itself) and the <see cref="MemoryRecorder"/> (a hosted service). Needs AddStorage, AddDevices,
    /// AddTelemetry, AddCalendar, AddReminders, AddPlants and AddGreetings.
    /// </summary>
    public static IServiceCollection AddMemory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MemoryOptions>()
            .Bind(configuration.GetSection(MemoryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSchema<MemorySchema>();
        services.TryAddSingleton<MemoryStore>();
        services.TryAddSingleton<MemoryRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<MemoryRecorder>());
        services.AddHostedService<MemoryPruner>();
        return services;
    }
}
