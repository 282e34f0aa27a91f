using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ambient.Firmware.Simulator.Household;

/// <summary>
/// A household to simulate: its devices with their credentials (as printed by the gateway's `devices add`) and a
/// little about each device's surroundings. JSON, camelCase.
/// </summary>
public sealed class HouseholdFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Virtual start time (UTC); default: today at 00:00 UTC.</summary>
    public DateTimeOffset? Start { get; init; }

    public List<DeviceEntry> Devices { get; init; } = [];

    /// <summary>Windows of virtual time when the home network is down (the router reboots, the gateway is away).</summary>
    public List<OutageEntry> Outages { get; init; } = [];

    public static HouseholdFile Load(string path)
    {
        var household = JsonSerializer.Deserialize<HouseholdFile>(File.ReadAllText(path), Options)
                        ?? throw new InvalidDataException($"{path}: empty household file");
        household.Validate(path);
        return household;
    }

    public void Validate(string source)
    {
        foreach (var device in Devices)
        {
            var problem = Protocol.DeviceId.Explain(device.Id);
            if (problem is not null)
            {
                throw new InvalidDataException($"{source}: device '{device.Id}': {problem}");
            }

            if (string.IsNullOrEmpty(device.Secret))
            {
                throw new InvalidDataException($"{source}: device '{device.Id}': secret is required");
            }
        }

        var duplicate = Devices.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{source}: device '{duplicate.Key}' appears twice");
        }
    }
}

public sealed class DeviceEntry
{
    public string Id { get; init; } = "";

    public DeviceKindName Kind { get; init; }

    public string Secret { get; init; } = "";

    /// <summary>Planter: water content at the start (0..1) and the share of it lost per day.</summary>
    public double StartWater { get; init; } = 0.8;

    public double DailyLoss { get; init; } = 0.18;

    /// <summary>Brightest daylight at the device's spot, lux.</summary>
    public double WindowPeakLux { get; init; } = 6000;

    public double RoomCelsius { get; init; } = 21;
}

public sealed class OutageEntry
{
    public TimeSpan From { get; init; }

    public TimeSpan To { get; init; }
}

public enum DeviceKindName
{
    Planter,
    FridgeMagnet,
    Earbud,
}
