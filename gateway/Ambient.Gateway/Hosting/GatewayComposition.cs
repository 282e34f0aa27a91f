using Ambient.Gateway.Api;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Dashboard;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.HomeAssistant;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Sensors;
using Ambient.Gateway.Settings;
using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Voice;
using Ambient.Gateway.Voice.WakeWord;
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
        // First: the dashboard's stored settings are a configuration source the other capabilities read.
        services.AddSettings(configuration);
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
        services.AddVoice(configuration);
        services.AddWakeWord(configuration);
        services.AddDashboard();
        services.AddHomeAssistant(configuration);
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
        app.MapGreetings();
        app.MapSettings();
        app.MapDashboard();
        return app;
    }
}
