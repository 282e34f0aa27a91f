using System.Text.Json;

namespace Ambient.Gateway.Settings;

/// <summary>The JSON shape of stored settings values (camelCase, like the HTTP API).</summary>
internal static class SettingsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
