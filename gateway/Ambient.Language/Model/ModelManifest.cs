using System.Text.Json;

namespace Ambient.Language.Model;

/// <summary>The parts of manifest.json (README §4) the runtime needs: the model's context length, when it says.</summary>
internal static class ModelManifest
{
    /// <summary><c>config.context</c> of the manifest at <paramref name="path"/>; null when there is none or it lacks it.</summary>
    public static int? ContextLength(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.TryGetProperty("config", out var config)
            && config.ValueKind == JsonValueKind.Object
            && config.TryGetProperty("context", out var context)
            && context.TryGetInt32(out var n)
            ? n
            : null;
    }
}
