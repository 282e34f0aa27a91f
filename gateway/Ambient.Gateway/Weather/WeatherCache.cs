using System.Text.Json;
using Ambient.Gateway.Storage;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Weather;

/// <summary>
/// The last good forecast on disk, so a gateway restarted while offline still has one. Written to a temporary file
/// and moved into place, so a power cut mid-write leaves the previous copy intact.
/// </summary>
public sealed class WeatherCache(IOptions<WeatherOptions> options, IOptions<StorageOptions> storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path
    {
        get
        {
            var file = options.Value.CacheFile;
            if (System.IO.Path.IsPathRooted(file))
            {
                return file;
            }

            var dataDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(storage.Value.DatabasePath))!;
            return System.IO.Path.Combine(dataDirectory, file);
        }
    }

    public async Task WriteAsync(Forecast forecast, CancellationToken cancellationToken)
    {
        var path = Path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(forecast, Json), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The cached forecast, or null when there is none or it cannot be read (then the reason is returned).</summary>
    public async Task<(Forecast? Forecast, string? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        var path = Path;
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return (JsonSerializer.Deserialize<Forecast>(text, Json), null);
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
        {
            return (null, $"weather cache {path} unreadable: {ex.Message}");
        }
    }
}
