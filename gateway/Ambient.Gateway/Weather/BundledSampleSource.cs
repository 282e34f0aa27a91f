using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Weather;

/// <summary>The recorded Open-Meteo response shipped with the gateway ("bundled weather sample" of the demo).</summary>
public sealed class BundledSampleSource(IOptions<WeatherOptions> options) : IForecastSource
{
    public Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(options.Value.SampleFile)
            ? options.Value.SampleFile
            : Path.Combine(AppContext.BaseDirectory, options.Value.SampleFile);
        return File.ReadAllTextAsync(path, cancellationToken);
    }
}
