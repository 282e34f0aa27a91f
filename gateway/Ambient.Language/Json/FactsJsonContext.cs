using System.Text.Json.Serialization;

namespace Ambient.Language;

/// <summary>
/// Source-generated JSON for facts and corpus lines: camelCase names, enums as snake_case strings, nullable
/// annotations and required constructor parameters respected (a missing "person" is an error, not a null), unknown
/// fields rejected (a typo is an error, not a silently absent fact).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(SnakeCaseEnumConverter<Intent>), typeof(SnakeCaseEnumConverter<Sky>), typeof(SnakeCaseEnumConverter<PlantMood>),
        typeof(SnakeCaseEnumConverter<TargetDevice>),
    ])]
[JsonSerializable(typeof(Facts))]
[JsonSerializable(typeof(CorpusLine))]
public sealed partial class FactsJsonContext : JsonSerializerContext;
