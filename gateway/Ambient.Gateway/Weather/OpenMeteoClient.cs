using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Weather;

/// <summary>
/// Open-Meteo forecast over HTTP. Each call takes a client from IHttpClientFactory (this object is a singleton; the
/// factory rotates handlers so DNS changes are seen) with the standard resilience handler (timeouts, retries with
/// back-off, circuit breaker), configured in <see cref="WeatherServiceCollectionExtensions"/>.
/// </summary>
public sealed class OpenMeteoClient(IHttpClientFactory clients, IOptionsMonitor<WeatherOptions> options) : IForecastSource
{
    /// <summary>The named HttpClient this client uses.</summary>
    public const string HttpClientName = "open-meteo";

    /// <summary>The query this gateway needs; the recorded sample has exactly this shape.</summary>
    public const string Query =
        "current=temperature_2m,weather_code&daily=temperature_2m_max,temperature_2m_min,precipitation_probability_max,weather_code&timezone=auto&forecast_days=1";

    public async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        // CurrentValue: a location saved in the dashboard applies to the next fetch without a restart.
        var o = options.CurrentValue;
        var url = string.Create(
            CultureInfo.InvariantCulture,
            $"{o.BaseUrl.TrimEnd('/')}/v1/forecast?latitude={o.Latitude:0.####}&longitude={o.Longitude:0.####}&{Query}");
        using var http = clients.CreateClient(HttpClientName);
        using var response = await http.GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}
