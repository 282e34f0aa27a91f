using Ambient.Gateway.Api;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Sensors;
using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Weather;

namespace Ambient.Gateway.Hosting;

/// <summary>
/// The running gateway's capabilities and endpoints, in one place, so Program.cs and the tests that start a whole
/// gateway compose exactly the same thing. Storage and Devices are added before, as the `devices` CLI needs only them.
/// </summary>
public static class GatewayComposition
{
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        // Order matters: the telemetry writer starts before the broker and stops after it.
        services.AddTelemetry(configuration);
        services.AddBroker(configuration);
        services.AddApi(configuration);
        services.AddWeather(configuration);
        services.AddIndoorSensor(configuration);
        services.AddCalendar(configuration);
        services.AddReminders(configuration);
        services.AddHostedService<ReminderButtonLink>();
        services.AddPlants(configuration);
        services.AddHostedService<PlantTelemetryLink>();
        services.AddGreetings(configuration);
        services.AddHostedService<DeviceSetupLink>();
        services.AddMemory(configuration);
        return services;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiToken();
        app.MapApi();
        app.MapDevices();
        app.MapTelemetry();
        app.MapPlants();
        app.MapReminders();
        app.MapMemory();
        return app;
    }
}
