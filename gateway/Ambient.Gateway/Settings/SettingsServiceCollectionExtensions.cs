using Ambient.Gateway.Hosting;
using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Settings made in the dashboard, stored in SQLite and layered over every other configuration source. Call first
    /// in AddGateway: capabilities that read configuration while registering must already see the stored values.
    /// </summary>
    public static IServiceCollection AddSettings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var databasePath = DataDirectory.Combine(configuration, configuration.GetSection(StorageOptions.Section)[nameof(StorageOptions.DatabasePath)] ?? "ambient.db");
        var offset = configuration.GetSection(SettingKeys.CalendarsSection).GetChildren()
            .Select(c => int.TryParse(c.Key, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i + 1 : 0)
            .DefaultIfEmpty(0).Max();
        var source = new SettingsConfigurationSource(databasePath, offset);

        // The host's configuration is a ConfigurationManager: a source added to it is loaded at once and its reloads
        // reach every options monitor bound to it.
        if (configuration is IConfigurationBuilder builder)
        {
            builder.Add(source);
        }

        services.AddSingleton(source);
        services.AddSchema<SettingsSchema>();
        services.AddOptions<HouseholdOptions>().Bind(configuration.GetSection(HouseholdOptions.Section)).ValidateOnStart();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<SettingsService>();
        return services;
    }
}
