namespace Ambient.Gateway.Weather;

/// <summary>Where the forecast body comes from: Open-Meteo over HTTP, or the bundled recording.</summary>
public interface IForecastSource
{
    /// <summary>The raw Open-Meteo JSON body; throws <see cref="HttpRequestException"/> (or a timeout) when unreachable.</summary>
    Task<string> FetchAsync(CancellationToken cancellationToken);
}
