namespace Ambient.Hardware.Tests;

/// <summary>The three devices: their hardware/ folder, their firmware folder and their pin-constant class.</summary>
internal sealed record Device(string HardwareFolder, string FirmwareFolder, string PinsClass)
{
    public static readonly Device Planter = new("planter", "Planter", "PlanterPins");
    public static readonly Device FridgeMagnet = new("fridge-magnet", "FridgeMagnet", "MagnetPins");
    public static readonly Device Earbud = new("earbud", "Earbud", "EarbudPins");

    public static IReadOnlyList<Device> All { get; } = [Planter, FridgeMagnet, Earbud];

    public static TheoryData<string> Names => [.. All.Select(d => d.HardwareFolder)];

    public static Device Named(string hardwareFolder) => All.Single(d => d.HardwareFolder == hardwareFolder);

    public string PinsJsonPath => RepoRoot.Combine("hardware", HardwareFolder, "pins.json");

    public string PowerJsonPath => RepoRoot.Combine("hardware", HardwareFolder, "power.json");

    public string PinsSourcePath => RepoRoot.Combine("firmware", "Ambient.Firmware.Esp32", "Pins", PinsClass + ".cs");
}
