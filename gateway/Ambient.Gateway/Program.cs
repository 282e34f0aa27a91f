using Ambient.Gateway.Api;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Demo;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Sensors;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Weather;

var builder = GatewayHost.CreateBuilder(args);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddDevices(builder.Configuration);

// `devices add|list|remove`: provisioning from the shell; no broker, no API.
if (args is ["devices", ..])
{
    using var cli = builder.Build();
    var broker = builder.Configuration.GetSection(BrokerOptions.Section).Get<BrokerOptions>() ?? new BrokerOptions();
    return new DevicesCommand(cli.Services.GetRequiredService<DeviceRegistry>(), broker, Console.Out, Console.Error).Run(args[1..]);
}

// `demo [--for 30s] [--speed 60]`: a simulated household in-process, on an accelerated clock, with a live feed.
DemoOptions? demo;
try
{
    demo = DemoOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

if (demo is not null)
{
    builder.AddDemo(demo);
}

// Order matters: the telemetry writer starts before the broker and stops after it.
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddBroker(builder.Configuration);
builder.Services.AddApi(builder.Configuration);
builder.Services.AddWeather(builder.Configuration);
builder.Services.AddIndoorSensor(builder.Configuration);
builder.Services.AddCalendar(builder.Configuration);
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddHostedService<ReminderButtonLink>();
builder.Services.AddPlants(builder.Configuration);
builder.Services.AddHostedService<PlantTelemetryLink>();
builder.Services.AddGreetings(builder.Configuration);
builder.Services.AddHostedService<DeviceSetupLink>();
builder.Services.AddMemory(builder.Configuration);

var app = builder.Build();
app.UseApiToken();
app.MapApi();
app.MapDevices();
app.MapTelemetry();
app.MapPlants();
app.MapReminders();
app.MapMemory();
await app.RunAsync();
return 0;
