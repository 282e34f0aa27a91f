using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ambient.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Broker;

/// <summary>
/// The broker's TLS certificate: loaded from Broker:Tls:CertificatePath, or created self-signed on first run
/// (ECDSA P-256, which the ESP32's mbedTLS handles in hardware) and written with owner-only permissions. Devices pin
/// it, as there is no CA for a house.
/// </summary>
public sealed class BrokerCertificate(IOptions<BrokerOptions> options, IConfiguration configuration, TimeProvider time, ILogger<BrokerCertificate> logger)
{
    public X509Certificate2 LoadOrCreate()
    {
        var path = DataDirectory.Combine(configuration, options.Value.Tls.CertificatePath);
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ambient-gateway", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(System.Net.Dns.GetHostName());
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        var pfx = created.Export(X509ContentType.Pkcs12);
        PrivateFile.WriteNew(path, pfx);

        BrokerLog.CertificateCreated(logger, path);
        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }
}
