using System.Globalization;
using Ambient.Gateway.Broker;
using QRCoder;

namespace Ambient.Gateway.Devices;

/// <summary>
/// <c>devices add ID --kind KIND | list [--all] | remove ID</c>: provisioning from the gateway's shell. The secret is
/// printed once (with a QR code for the phone that flashes the device) and never again; only its hash is stored.
/// With an external Mosquitto and Broker:External:PasswordFile set, its password and ACL files are updated too.
/// </summary>
public sealed class DevicesCommand(DeviceRegistry registry, BrokerOptions broker, TextWriter output, TextWriter error)
{
    public const string Usage = """
        usage: devices add <id> --kind <planter|fridge-magnet|earbud>
               devices list [--all]
               devices remove <id>
        """;

    /// <summary>Runs one verb; returns the process exit code (0 ok, 1 refused, 2 usage).</summary>
    public int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return args switch
            {
                ["add", var id, "--kind", var kind, ..] => Add(id, kind),
                ["list", ..] => List(args.Contains("--all")),
                ["remove", var id, ..] => Remove(id),
                _ => UsageError(),
            };
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private readonly MosquittoAuthFiles _mosquitto = new(broker.External);

    private int Add(string id, string kind)
    {
        if (!MosquittoFilesValid())
        {
            return 1;
        }

        var added = registry.Add(id, kind);
        if (_mosquitto.Enabled && !UpdateMosquitto(id, () => _mosquitto.SetDevice(id, added.Secret)))
        {
            // Without its password line Mosquitto refuses the device, and the secret is not shown again: undo.
            registry.Revoke(id);
            return 1;
        }

        var o = broker;
        var host = string.IsNullOrWhiteSpace(o.AdvertisedHost) ? System.Net.Dns.GetHostName() : o.AdvertisedHost;
        var uri = string.Create(CultureInfo.InvariantCulture, $"mqtt://{added.Device.Id}:{added.Secret}@{host}:{o.Port}");
        output.WriteLine($"Added {added.Device.Id} ({added.Device.Kind}). The secret is shown only now; only its hash is stored.");
        output.WriteLine($"  id:     {added.Device.Id}");
        output.WriteLine($"  secret: {added.Secret}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  broker: {host}:{o.Port}"));
        output.WriteLine($"  uri:    {uri}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var qr = new AsciiQRCode(data);
        output.WriteLine(qr.GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n"));
        return 0;
    }

    private int List(bool all)
    {
        output.WriteLine($"{"ID",-32} {"KIND",-13} {"ONLINE",-6} {"LAST SEEN",-20} {"FIRMWARE",-10} REVOKED");
        foreach (var d in registry.List(all))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{d.Id,-32} {d.Kind,-13} {(d.Online ? "yes" : "no"),-6} {d.LastSeen?.ToString("u", CultureInfo.InvariantCulture) ?? "never",-20} {d.Firmware ?? "-",-10} {d.Revoked?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}"));
        }

        return 0;
    }

    private int Remove(string id)
    {
        if (!MosquittoFilesValid())
        {
            return 1;
        }

        if (!registry.Revoke(id))
        {
            error.WriteLine($"no active device '{id}'");
            return 1;
        }

        if (_mosquitto.Enabled && !UpdateMosquitto(id, () => _mosquitto.RemoveDevice(id)))
        {
            return 1;
        }

        output.WriteLine($"Revoked {id}: it can no longer connect, and its frames are refused from now on.");
        return 0;
    }

    private bool MosquittoFilesValid()
    {
        // The CLI binds options without the host's start-up validation, so check the keys it is about to use.
        var problems = MosquittoAuthFiles.Validate(broker.External).ToList();
        problems.ForEach(error.WriteLine);
        return problems.Count == 0;
    }

    private bool UpdateMosquitto(string id, Action update)
    {
        try
        {
            update();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            error.WriteLine($"Mosquitto files not updated for {id}: {e.Message}");
            return false;
        }
    }

    private int UsageError()
    {
        error.WriteLine(Usage);
        return 2;
    }
}
