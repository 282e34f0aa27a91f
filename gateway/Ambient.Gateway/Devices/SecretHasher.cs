using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Devices;

/// <summary>
/// Argon2id (RFC 9106) hashes of device secrets in the PHC string format
/// (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>), the same family Mosquitto 2.1's password file defaults to.
/// Chosen over PBKDF2 because it is memory-hard: a stolen gateway database is no cheaper to attack on a GPU.
/// The cost parameters travel inside each hash, so they can be raised without re-provisioning devices.
/// </summary>
public sealed class SecretHasher(IOptions<DevicesOptions> options)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public string Hash(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var o = options.Value;
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(secret, salt, o.Argon2MemoryKiB, o.Argon2Iterations, parallelism: 1, HashBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={o.Argon2MemoryKiB},t={o.Argon2Iterations},p=1${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="secret"/> matches <paramref name="encoded"/>; false for a malformed hash.</summary>
    public static bool Verify(string secret, string encoded)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(encoded);
        var parts = encoded.Split('$');
        if (secret.Length == 0 || parts.Length != 6 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        int memory = 0, iterations = 0, parallelism = 0;
        foreach (var pair in parts[3].Split(','))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p": parallelism = value; break;
                default: return false;
            }
        }

        if (memory < 8 || iterations < 1 || parallelism < 1)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[4]);
            expected = Convert.FromBase64String(parts[5]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Derive(secret, salt, memory, iterations, parallelism, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string secret, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(secret))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }
}
