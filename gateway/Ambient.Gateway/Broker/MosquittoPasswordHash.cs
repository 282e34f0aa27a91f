using System.Security.Cryptography;
using System.Text;

namespace Ambient.Gateway.Broker;

/// <summary>
/// One Mosquitto 2.0 <c>password_file</c> line, as <c>mosquitto_passwd</c> writes it:
/// <c>user:$7$101$&lt;base64 salt&gt;$&lt;base64 PBKDF2-SHA512&gt;</c>. The gateway writes it itself so that the
/// plain secret, which exists only while <c>devices add</c> runs, never has to pass through a command line.
/// </summary>
public static class MosquittoPasswordHash
{
    /// <summary>mosquitto_passwd's iteration count; Mosquitto reads the count from the line, so this only has to match its default.</summary>
    public const int Iterations = 101;

    private const int SaltBytes = 12;   // mosquitto_passwd's SALT_LEN
    private const int HashBytes = 64;   // SHA-512 output

    public static string Line(string user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"{user}:$7${Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>The user a password-file line is for, or null for a blank or comment line.</summary>
    public static string? UserOf(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return line.Length == 0 || line[0] == '#' || colon <= 0 ? null : line[..colon];
    }
}
