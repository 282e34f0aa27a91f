using System.Security.Cryptography;
using System.Text;
using Ambient.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Api;

/// <summary>
/// The bearer token for /api: Api:Token, or a 256-bit random token written on first run to Api:TokenFile in the
/// data directory with owner-only permissions (read it with <c>cat .ambient/api-token</c>).
/// </summary>
public sealed class ApiToken
{
    private readonly byte[] _token;

    public ApiToken(IOptions<ApiOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        Value = string.IsNullOrEmpty(o.Token) ? LoadOrCreate(DataDirectory.Combine(configuration, o.TokenFile)) : o.Token;
        _token = Encoding.UTF8.GetBytes(Value);
    }

    public string Value { get; }

    /// <summary>Constant-time comparison, so response timing does not reveal how much of a guess was right.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        PrivateFile.WriteNew(path, Encoding.UTF8.GetBytes(token + "\n"));
        return token;
    }
}
