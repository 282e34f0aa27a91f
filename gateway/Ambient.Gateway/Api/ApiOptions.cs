namespace Ambient.Gateway.Api;

/// <summary>The HTTP API ("Api" section).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Where Kestrel listens; loopback by default, so the API is reachable from the LAN only when asked for.</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>A fixed token; when empty, the token in <see cref="TokenFile"/> is used (created on first run).</summary>
    public string? Token { get; set; }

    /// <summary>Token file, relative to the data directory.</summary>
    public string TokenFile { get; set; } = "api-token";
}
