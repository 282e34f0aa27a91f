using System.Globalization;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Ambient.Gateway.Dashboard;

/// <summary>Adds and revokes devices for the dashboard, and tells listeners (Home Assistant discovery) about it.</summary>
public sealed class DeviceProvisioning(DeviceRegistry registry, IOptions<BrokerOptions> broker, IServiceProvider services)
{
    /// <summary>Raised after a device was revoked.</summary>
    public event Func<string, Task>? RevokedAsync;

    /// <summary>Raised after a device was added.</summary>
    public event Func<DeviceRecord, Task>? AddedAsync;

    /// <exception cref="ArgumentException">Bad id or kind.</exception>
    /// <exception cref="InvalidOperationException">An active device has this id.</exception>
    public async Task<ProvisionResult> AddAsync(string id, string kind)
    {
        var added = registry.Add(id, kind);
        var o = broker.Value;
        var host = string.IsNullOrWhiteSpace(o.AdvertisedHost) ? System.Net.Dns.GetHostName() : o.AdvertisedHost;
        // With Broker:Port=0 (tests) the bound port is only known from the running broker.
        var port = o.Mode == BrokerMode.Embedded && services.GetService<EmbeddedBroker>() is { } embedded ? embedded.Port : o.Port;
        var uri = string.Create(CultureInfo.InvariantCulture, $"mqtt://{added.Device.Id}:{added.Secret}@{host}:{port}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        var qr = svg.GetGraphic(4);
        if (AddedAsync is { } handler)
        {
            await handler(added.Device).ConfigureAwait(false);
        }

        return new ProvisionResult(added.Device, added.Secret, host, port, uri, qr);
    }

    public async Task<bool> RevokeAsync(string id)
    {
        if (!registry.Revoke(id))
        {
            return false;
        }

        if (RevokedAsync is { } handler)
        {
            await handler(id).ConfigureAwait(false);
        }

        return true;
    }
}
