using Ambient.Firmware.Simulator.Household;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Demo;

/// <summary>
/// The demo's household: provisions its devices in the registry (fresh secrets each run, as `devices add` would
/// print them) and runs the real firmware apps against the embedded broker, on the demo's accelerated clock.
/// </summary>
public sealed class DemoHousehold(
    DeviceRegistry registry,
    IOptions<BrokerOptions> broker,
    AcceleratedTimeProvider clock,
    ILogger<DemoHousehold> logger) : BackgroundService
{
    public const string HouseholdFileName = "household.json";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var template = HouseholdFile.Load(Path.Combine(AppContext.BaseDirectory, HouseholdFileName));
        var devices = template.Devices.Select(Provision).ToList();
        var household = new HouseholdFile { Start = clock.Start, Devices = devices, Outages = template.Outages };
        using var run = new SimulatedHousehold(household, "127.0.0.1", broker.Value.Port, clock.Speed, line => DemoLog.Device(logger, line));
        await run.RunAsync(TimeSpan.FromDays(366), clock.WallAnchor, stoppingToken);
    }

    private DeviceEntry Provision(DeviceEntry device)
    {
        var kind = device.Kind switch
        {
            DeviceKindName.Planter => "planter",
            DeviceKindName.FridgeMagnet => "fridge-magnet",
            _ => "earbud",
        };
        if (registry.IsActive(device.Id))
        {
            registry.Revoke(device.Id);
        }

        var provisioned = registry.Add(device.Id, kind);
        return new DeviceEntry
        {
            Id = device.Id, Kind = device.Kind, Secret = provisioned.Secret, StartWater = device.StartWater,
            DailyLoss = device.DailyLoss, WindowPeakLux = device.WindowPeakLux, RoomCelsius = device.RoomCelsius,
        };
    }
}
