using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Calendar: options (section "Calendar"), the HTTP client for URL calendars, <see cref="CalendarService"/>
    /// (also as <see cref="ICalendarOccurrences"/>) and its background refresher.
    /// </summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>()
            .Bind(configuration.GetSection(CalendarOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(CalendarService.HttpClientName)
            .AddStandardResilienceHandler(resilience =>
            {
                // A calendar feed is not urgent: a short attempt, a couple of retries, then the last good copy.
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(15);
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(45);
            });
        services.TryAddSingleton<CalendarService>();
        services.TryAddSingleton<ICalendarOccurrences>(sp => sp.GetRequiredService<CalendarService>());
        services.AddHostedService<CalendarRefresher>();
        return services;
    }
}
