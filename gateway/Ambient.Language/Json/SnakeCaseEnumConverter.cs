using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ambient.Language;

/// <summary>Enums as snake_case strings ("morning_greeting", "too_dark"), never as numbers: the corpus and the API read the same.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
