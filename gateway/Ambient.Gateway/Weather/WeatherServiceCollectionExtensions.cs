using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Ambient.Gateway.Weather;

public static class WeatherServiceCollectionExtensions
{
    /// <summary>
    /// Weather: options (section "Weather"), the Open-Meteo client (or the bundled sample when
    /// Weather:UseBundledSample is true), the disk cache, <see cref="WeatherService"/> and its background refresher.
    /// Needs AddStorage (the cache lives next to the database).
    /// </summary>
    public static IServiceCollection AddWeather(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WeatherOptions.Section);
        services.AddOptions<WeatherOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Resilience settings are read once here because the handler is built when the client is first created.
        var configured = section.Get<WeatherOptions>() ?? new WeatherOptions();
        services.AddHttpClient(OpenMeteoClient.HttpClientName)
            .AddStandardResilienceHandler(resilience => Configure(resilience, configured));
        services.TryAddSingleton<OpenMeteoClient>();

        if (configured.UseBundledSample)
        {
            services.TryAddSingleton<IForecastSource, BundledSampleSource>();
        }
        else
        {
            services.TryAddSingleton<IForecastSource>(sp => sp.GetRequiredService<OpenMeteoClient>());
        }

        services.TryAddSingleton<WeatherCache>();
        services.TryAddSingleton<WeatherService>();
        services.AddHostedService<WeatherRefresher>();
        return services;
    }

    private static void Configure(HttpStandardResilienceOptions resilience, WeatherOptions weather)
    {
        resilience.AttemptTimeout.Timeout = weather.AttemptTimeout;
        resilience.Retry.MaxRetryAttempts = weather.MaxRetryAttempts;
        resilience.Retry.Delay = weather.RetryDelay;
        // Every attempt plus back-off must fit in the total; the circuit breaker samples over at least two attempts.
        resilience.TotalRequestTimeout.Timeout = (weather.AttemptTimeout * (weather.MaxRetryAttempts + 1))
            + (weather.RetryDelay * (1 << weather.MaxRetryAttempts));
        resilience.CircuitBreaker.SamplingDuration = weather.AttemptTimeout * 3;
    }
}
