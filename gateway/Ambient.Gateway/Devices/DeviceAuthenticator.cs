using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Ambient.Protocol;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Devices;

/// <summary>
/// Decides a CONNECT: client id = username = a registered, non-revoked device id, and the password verifies
/// against the stored Argon2id hash. A full verification costs ~19 MiB and tens of milliseconds, so successful
/// ones are remembered as SHA-256(stored hash ‖ secret): a reconnect storm of 1,000 devices costs 1,000 SHA-256s,
/// not 1,000 Argon2 runs. The stored hash is part of the key, so re-provisioning a device invalidates its entry.
/// </summary>
public sealed class DeviceAuthenticator(DeviceRegistry registry, IOptions<DevicesOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _verified = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fullVerifications = new(options.Value.MaxConcurrentVerifications);

    /// <summary>
    /// Every full verification leaves its 19 MiB Argon2id block on the large-object heap, and after the reconnect
    /// storm of a gateway restart (every device verifies once) the GC kept the grown heap: 1,000 devices held about
    /// 130 MiB more than they need on a Raspberry Pi (309 → 175 MiB in the ingest bench's memory phase). Two quiet
    /// seconds after a verification get one compacting collection that hands it back to the OS: one per burst, and
    /// verifications are rare once devices are known (the cache below).
    /// </summary>
    private readonly Timer _reclaim = new(static _ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));

    private static readonly TimeSpan ReclaimAfter = TimeSpan.FromSeconds(2);

    public async Task<AuthenticationResult> AuthenticateAsync(string? clientId, string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return new(MqttConnectReasonCode.BadUserNameOrPassword, ConnectRejection.Anonymous);
        }

        if (!string.Equals(clientId, userName, StringComparison.Ordinal))
        {
            return new(MqttConnectReasonCode.ClientIdentifierNotValid, ConnectRejection.ClientIdNotUsername);
        }

        if (!DeviceId.IsValid(userName))
        {
            return new(MqttConnectReasonCode.ClientIdentifierNotValid, ConnectRejection.InvalidDeviceId);
        }

        var credentials = registry.FindCredentials(userName);
        if (credentials is null)
        {
            return new(MqttConnectReasonCode.BadUserNameOrPassword, ConnectRejection.UnknownDevice);
        }

        if (credentials.Revoked)
        {
            _verified.TryRemove(userName, out _);
            return new(MqttConnectReasonCode.NotAuthorized, ConnectRejection.Revoked);
        }

        if (string.IsNullOrEmpty(password))
        {
            return new(MqttConnectReasonCode.BadUserNameOrPassword, ConnectRejection.WrongSecret);
        }

        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(credentials.SecretHash + "\n" + password));
        if (_verified.TryGetValue(userName, out var known) && CryptographicOperations.FixedTimeEquals(known, fingerprint))
        {
            return AuthenticationResult.Accepted;
        }

        await _fullVerifications.WaitAsync(cancellationToken).ConfigureAwait(false);
        bool ok;
        try
        {
            // Argon2 is CPU-bound; keep it off the MQTT receive loop's thread.
            ok = await Task.Run(() => SecretHasher.Verify(password, credentials.SecretHash), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _fullVerifications.Release();
            _reclaim.Change(ReclaimAfter, Timeout.InfiniteTimeSpan);
        }

        if (!ok)
        {
            return new(MqttConnectReasonCode.BadUserNameOrPassword, ConnectRejection.WrongSecret);
        }

        _verified[userName] = fingerprint;
        return AuthenticationResult.Accepted;
    }

    public void Dispose()
    {
        _reclaim.Dispose();
        _fullVerifications.Dispose();
    }
}
