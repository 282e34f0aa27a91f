using Ambient.Gateway.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Reminders: options (section "Reminders"), the table, <see cref="ReminderStore"/> and the
    /// <see cref="ReminderScheduler"/> (a hosted service). Needs AddStorage and AddCalendar.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RemindersOptions>()
            .Bind(configuration.GetSection(RemindersOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemindersOptions>, RemindersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSchema<RemindersSchema>();
        services.TryAddSingleton<ReminderStore>();
        services.TryAddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }
}
