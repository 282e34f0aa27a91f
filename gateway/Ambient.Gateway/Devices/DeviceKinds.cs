using Ambient.Protocol;

namespace Ambient.Gateway.Devices;

/// <summary>The kind names used on the command line, in SQLite and in JSON, one row per <see cref="DeviceKind"/>.</summary>
public static class DeviceKinds
{
    private static readonly (DeviceKind Kind, string Name)[] Table =
    [
        (DeviceKind.Planter, "planter"),
        (DeviceKind.FridgeMagnet, "fridge-magnet"),
        (DeviceKind.Earbud, "earbud"),
    ];

    public static IEnumerable<string> Names => Table.Select(row => row.Name);

    public static string NameOf(DeviceKind kind)
    {
        foreach (var row in Table)
        {
            if (row.Kind == kind)
            {
                return row.Name;
            }
        }

        return "unknown";
    }

    public static bool IsKnown(string name) => Table.Any(row => row.Name == name);
}
