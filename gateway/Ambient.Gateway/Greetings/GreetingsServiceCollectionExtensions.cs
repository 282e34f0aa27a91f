namespace Ambient.Gateway.Greetings;

public static class GreetingsServiceCollectionExtensions
{
    public static IServiceCollection AddGreetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GreetingsOptions>()
            .Bind(configuration.GetSection(GreetingsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<GreetingService>();
        services.AddHostedService(sp => sp.GetRequiredService<GreetingService>());
        services.AddHostedService<MorningPreparer>();
        return services;
    }
}
