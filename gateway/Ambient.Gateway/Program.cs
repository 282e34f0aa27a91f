using Ambient.Gateway.Broker;
using Ambient.Gateway.Demo;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Storage;

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

builder.Services.AddGateway(builder.Configuration);

var app = builder.Build();
app.MapGateway();
await app.RunAsync();
return 0;
