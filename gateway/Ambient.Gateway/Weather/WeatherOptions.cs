using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Weather;

/// <summary>The "Weather" section: where the household is and how to reach Open-Meteo.</summary>
public sealed class WeatherOptions
{
    public const string Section = "Weather";

    [Range(-90.0, 90.0, ErrorMessage = "Weather:Latitude must be between -90 and 90")]
    public double Latitude { get; set; } = 52.52;

    [Range(-180.0, 180.0, ErrorMessage = "Weather:Longitude must be between -180 and 180")]
    public double Longitude { get; set; } = 13.41;

    /// <summary>Open-Meteo (or a self-hosted instance / test server); the path /v1/forecast is appended.</summary>
    [Required(ErrorMessage = "Weather:BaseUrl is required")]
    [Url(ErrorMessage = "Weather:BaseUrl must be an absolute http(s) URL")]
    public string BaseUrl { get; set; } = "https://api.open-meteo.com";

    /// <summary>How often the forecast is refreshed (Open-Meteo updates hourly; 30 min keeps "now" reasonably fresh).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Weather:RefreshInterval must be between 1 minute and 1 day")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A forecast older than this is marked stale even if the last refresh did not fail.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Weather:StaleAfter must be between 1 minute and 7 days")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(90);

    /// <summary>The disk cache; relative paths are resolved against the directory of Storage:DatabasePath. </summary>
    [Required(ErrorMessage = "Weather:CacheFile is required")]
    public string CacheFile { get; set; } = "weather-cache.json";

    /// <summary>Serve the bundled recorded response instead of calling the network (the demo, and offline development).</summary>
    public bool UseBundledSample { get; set; }

    /// <summary>The bundled response; relative paths are resolved against the application directory.</summary>
    [Required(ErrorMessage = "Weather:SampleFile is required")]
    public string SampleFile { get; set; } = "Weather/open-meteo-sample.json";

    /// <summary>One HTTP attempt's timeout (a Pi on Wi-Fi should get an answer well within this).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "Weather:AttemptTimeout must be between 1 s and 2 min")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 10, ErrorMessage = "Weather:MaxRetryAttempts must be between 1 and 10")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential, jittered retry back-off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Weather:RetryDelay must be between 0 and 1 min")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
