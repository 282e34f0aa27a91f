using System.Text.Json;

namespace Ambient.Protocol.Tests;

/// <summary>Structural equality for messages: every public property, including the derived type's, as JSON.</summary>
internal static class MessageJson
{
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = false };

    public static string Of(Message message) => JsonSerializer.Serialize((object)message, Options);
}
