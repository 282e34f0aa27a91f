using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// "HomeAssistant" section: MQTT discovery for Home Assistant (anchors §1.1). Home Assistant connects to the
/// embedded broker as <see cref="UserName"/> with <see cref="Password"/>, or, when that is empty, with the password
/// written on first run to <see cref="PasswordFile"/> in the data directory (the dashboard's Settings page shows it).
/// </summary>
public sealed class HomeAssistantOptions
{
    public const string Section = "HomeAssistant";

    public bool Enabled { get; set; } = true;

    /// <summary>Home Assistant's discovery prefix (its default: homeassistant).</summary>
    [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "HomeAssistant:DiscoveryPrefix must be one topic level of letters, digits, '_' or '-'")]
    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>Where the gateway publishes each device's state JSON and its own availability.</summary>
    [RegularExpression("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", ErrorMessage = "HomeAssistant:StatePrefix must be topic levels of letters, digits, '_' or '-' (no wildcards)")]
    public string StatePrefix { get; set; } = "ambient/ha";

    [Required(ErrorMessage = "HomeAssistant:UserName is required")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "HomeAssistant:UserName must be 1 to 64 letters, digits, '_', '.' or '-'")]
    public string UserName { get; set; } = "homeassistant";

    public string? Password { get; set; }

    [Required(ErrorMessage = "HomeAssistant:PasswordFile is required")]
    public string PasswordFile { get; set; } = "homeassistant-password";
}
