using System.Globalization;
using System.Text.Json;

namespace Ambient.Hardware.Tests.Model;

/// <summary>One GPIO's entry in pins.json.</summary>
internal sealed record PinEntry(
    string Name,
    int Gpio,
    string Role,
    int? AdcChannel,
    int? TouchPad,
    string? Bus,
    string? Signal,
    string? StrappingJustification);

/// <summary>A device on a bus; I2C devices have an address.</summary>
internal sealed record BusDevice(string Name, int? Address);

internal sealed record Bus(string Name, string Kind, int BusId, IReadOnlyList<BusDevice> Devices);

/// <summary>What may wake the device: the timer, or a pin (ext0) or touch pad named in <see cref="PinsFile.Pins"/>.</summary>
internal sealed record WakeSource(string Cause, string Mode, string? Pin, int? Level);

/// <summary>hardware/&lt;device&gt;/pins.json: the source of truth for the firmware's pin constants.</summary>
internal sealed record PinsFile(
    string Device,
    string ModulePart,
    bool Psram,
    bool Wifi,
    IReadOnlyList<PinEntry> Pins,
    IReadOnlyList<Bus> Buses,
    IReadOnlyList<WakeSource> Wake,
    IReadOnlyDictionary<string, long> Constants)
{
    public static PinsFile Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var module = root.GetProperty("module");
        return new PinsFile(
            root.GetProperty("device").GetString()!,
            module.GetProperty("part").GetString()!,
            module.GetProperty("psram").GetBoolean(),
            root.GetProperty("wifi").GetBoolean(),
            [.. root.GetProperty("pins").EnumerateObject().Select(ReadPin)],
            [.. root.GetProperty("buses").EnumerateObject().Select(ReadBus)],
            [.. root.GetProperty("wake").EnumerateArray().Select(ReadWake)],
            root.GetProperty("constants").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
    }

    /// <summary>
    /// The constants the firmware's Pins class must declare, by name: XPin (and XAdcChannel, XTouchPad) per pin,
    /// BBusId per bus, DAddress per I2C device, CauseWakeLevel per pin wake, and every entry of "constants".
    /// </summary>
    public IReadOnlyDictionary<string, long> ExpectedConstants()
    {
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pin in Pins)
        {
            expected[pin.Name + "Pin"] = pin.Gpio;
            if (pin.AdcChannel is { } channel)
            {
                expected[pin.Name + "AdcChannel"] = channel;
            }

            if (pin.TouchPad is { } pad)
            {
                expected[pin.Name + "TouchPad"] = pad;
            }
        }

        foreach (var bus in Buses)
        {
            expected[bus.Name + "BusId"] = bus.BusId;
            foreach (var device in bus.Devices)
            {
                if (device.Address is { } address)
                {
                    expected[device.Name + "Address"] = address;
                }
            }
        }

        foreach (var wake in Wake)
        {
            if (wake.Level is { } level)
            {
                expected[wake.Cause + "WakeLevel"] = level;
            }
        }

        foreach (var (name, value) in Constants)
        {
            expected[name] = value;
        }

        return expected;
    }

    private static PinEntry ReadPin(JsonProperty property)
    {
        var value = property.Value;
        return new PinEntry(
            property.Name,
            value.GetProperty("gpio").GetInt32(),
            value.GetProperty("role").GetString()!,
            OptionalInt(value, "adcChannel"),
            OptionalInt(value, "touchPad"),
            OptionalString(value, "bus"),
            OptionalString(value, "signal"),
            OptionalString(value, "strappingJustification"));
    }

    private static Bus ReadBus(JsonProperty property)
    {
        var value = property.Value;
        return new Bus(
            property.Name,
            value.GetProperty("kind").GetString()!,
            value.GetProperty("busId").GetInt32(),
            [.. value.GetProperty("devices").EnumerateArray().Select(d => new BusDevice(
                d.GetProperty("name").GetString()!,
                OptionalString(d, "address") is { } hex ? ParseHex(hex) : null))]);
    }

    private static WakeSource ReadWake(JsonElement value) => new(
        value.GetProperty("cause").GetString()!,
        value.GetProperty("mode").GetString()!,
        OptionalString(value, "pin"),
        OptionalInt(value, "level"));

    private static int? OptionalInt(JsonElement value, string name) =>
        value.TryGetProperty(name, out var p) ? p.GetInt32() : null;

    private static string? OptionalString(JsonElement value, string name) =>
        value.TryGetProperty(name, out var p) ? p.GetString() : null;

    /// <summary>I2C addresses are written the way datasheets write them: "0x44".</summary>
    private static int ParseHex(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal)
            ? int.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : throw new FormatException($"I2C address '{text}' must be written as 0x..");
}
