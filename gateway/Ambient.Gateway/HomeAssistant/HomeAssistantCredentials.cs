using System.Security.Cryptography;
using System.Text;
using Ambient.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// Home Assistant's MQTT login to the embedded broker: HomeAssistant:Password, or a random one written on first run
/// to HomeAssistant:PasswordFile in the data directory (owner-only, like the API token).
/// </summary>
public sealed class HomeAssistantCredentials
{
    private readonly byte[] _password;

    public HomeAssistantCredentials(IOptions<HomeAssistantOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        UserName = options.Value.UserName;
        Password = string.IsNullOrEmpty(options.Value.Password)
            ? LoadOrCreate(DataDirectory.Combine(configuration, options.Value.PasswordFile))
            : options.Value.Password;
        _password = Encoding.UTF8.GetBytes(Password);
    }

    public string UserName { get; }

    public string Password { get; }

    public bool Matches(string? userName, string? password) =>
        userName == UserName && password is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), _password);

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        PrivateFile.WriteNew(path, Encoding.UTF8.GetBytes(password + "\n"));
        return password;
    }
}
