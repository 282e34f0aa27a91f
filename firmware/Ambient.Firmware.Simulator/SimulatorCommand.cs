using System.Globalization;
using Ambient.Firmware.Simulator.Energy;
using Ambient.Firmware.Simulator.Household;

namespace Ambient.Firmware.Simulator;

/// <summary>
/// dotnet run --project firmware/Ambient.Firmware.Simulator -- --broker mqtt://host:port --household FILE --speed N [--hours H]
/// (--broker embedded starts an in-process MQTTnet broker that accepts anyone, for measurements without a gateway).
/// </summary>
internal static class SimulatorCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var brokerOption = Option(args, "--broker") ?? "mqtt://127.0.0.1:1883";
        await using var embedded = brokerOption == "embedded" ? await EmbeddedBroker.StartAsync() : null;
        var broker = new Uri(embedded is null ? brokerOption : $"mqtt://127.0.0.1:{embedded.Port}");
        var householdPath = Option(args, "--household") ?? Path.Combine(AppContext.BaseDirectory, "household.json");
        var speed = double.Parse(Option(args, "--speed") ?? "60", CultureInfo.InvariantCulture);
        var hours = double.Parse(Option(args, "--hours") ?? "24", CultureInfo.InvariantCulture);
        if (broker.Scheme != "mqtt")
        {
            await Console.Error.WriteLineAsync($"--broker: expected mqtt://host:port, got {broker}");
            return 2;
        }

        HouseholdFile household;
        try
        {
            household = HouseholdFile.Load(householdPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"--household {householdPath}: {e.Message}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        using var run = new SimulatedHousehold(household, broker.Host, broker.Port, speed, Console.WriteLine);
        Console.WriteLine($"simulating {run.Devices.Count} devices for {hours} h at {(speed <= 0 ? "full" : speed + "x")} speed against {broker}");
        var wall = System.Diagnostics.Stopwatch.StartNew();
        await run.RunAsync(TimeSpan.FromHours(hours), cancellationToken: cancel.Token);
        Console.WriteLine(EnergyReport.Format(run, wall.Elapsed));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
