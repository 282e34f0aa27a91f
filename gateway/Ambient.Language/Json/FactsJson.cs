using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Ambient.Language;

/// <summary>
/// Facts ⇄ JSON, for POST /api/greetings/compose and the corpus "facts" field. Bad input is a
/// <see cref="FactsFormatException"/> that names the field.
/// </summary>
public static partial class FactsJson
{
    // Constructor parameters are required (a missing "localTime" is an error, not year 1), except the nullable ones:
    // "weather", "location", "rainChancePercent"… may simply be left out.
    private static readonly JsonSerializerOptions Options = new(FactsJsonContext.Default.Options)
    {
        TypeInfoResolver = FactsJsonContext.Default.WithAddedModifier(OptionalWhenNullable),
    };

    public static JsonTypeInfo<Facts> TypeInfo { get; } = (JsonTypeInfo<Facts>)Options.GetTypeInfo(typeof(Facts));

    internal static JsonSerializerOptions SerializerOptions => Options;

    public static string Serialize(Facts facts) => JsonSerializer.Serialize(facts, TypeInfo);

    /// <exception cref="FactsFormatException">The JSON is malformed, a field is missing, has the wrong type, or is out of range.</exception>
    public static Facts Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Facts? facts;
        try
        {
            facts = JsonSerializer.Deserialize(json, TypeInfo);
        }
        catch (JsonException e)
        {
            throw Explain(e);
        }

        if (facts is null)
        {
            throw new FactsFormatException("", "expected an object, got null");
        }

        Check(facts);
        return facts;
    }

    public static bool TryParse(string json, [NotNullWhen(true)] out Facts? facts, [NotNullWhen(false)] out string? error)
    {
        try
        {
            facts = Parse(json);
            error = null;
            return true;
        }
        catch (FactsFormatException e)
        {
            facts = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Ranges the sensors and services can produce; anything outside is a bug upstream, better refused than written.</summary>
    private static void Check(Facts f)
    {
        Require(f.Person is not null, "person", "must not be null");
        if (f.Weather is { } w)
        {
            InRange(w.NowCelsius, -80, 70, "weather.nowCelsius");
            InRange(w.HighCelsius, -80, 70, "weather.highCelsius");
            InRange(w.LowCelsius, -80, 70, "weather.lowCelsius");
            Require(w.Condition is not null, "weather.condition", "must not be null");
            Require(Enum.IsDefined(w.Sky), "weather.sky", "unknown value");
            if (w.RainChancePercent is { } rain)
            {
                InRange(rain, 0, 100, "weather.rainChancePercent");
            }
        }

        if (f.IndoorCelsius is { } inside)
        {
            InRange(inside, -40, 60, "indoorCelsius");
        }

        var events = f.NextEvents ?? throw new FactsFormatException("nextEvents", "must be a list (may be empty)");
        for (var i = 0; i < events.Count; i++)
        {
            Require(events[i] is { Title: not null }, $"nextEvents[{i}]", "must be an event with a title");
        }

        var plants = f.Plants ?? throw new FactsFormatException("plants", "must be a list (may be empty)");
        for (var i = 0; i < plants.Count; i++)
        {
            var p = plants[i];
            Require(p is { Name: not null }, $"plants[{i}]", "must be a plant with a name");
            if (p.MoisturePercent is { } m)
            {
                InRange(m, 0, 100, $"plants[{i}].moisturePercent");
            }

            if (p.DaysUntilDry is { } d)
            {
                InRange(d, 0, 365, $"plants[{i}].daysUntilDry");
            }
        }

        var reminders = f.Reminders ?? throw new FactsFormatException("reminders", "must be a list (may be empty)");
        for (var i = 0; i < reminders.Count; i++)
        {
            Require(reminders[i] is { Title: not null }, $"reminders[{i}]", "must be a reminder with a title");
        }

        Require(Enum.IsDefined(f.Intent), "intent", "unknown value");
        Require(Enum.IsDefined(f.Target), "target", "unknown value");
    }

    private static void OptionalWhenNullable(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.IsRequired && (property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null))
            {
                property.IsRequired = false;
            }
        }
    }

    private static void Require(bool ok, string field, string reason)
    {
        if (!ok)
        {
            throw new FactsFormatException(field, reason);
        }
    }

    private static void InRange(int value, int min, int max, string field) =>
        Require(value >= min && value <= max, field, $"{value} is outside {min}..{max}");

    private static FactsFormatException Explain(JsonException e)
    {
        var field = e.Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "";
        var reason = e.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        var missing = MissingProperty().Match(reason);
        if (missing.Success)
        {
            field = field.Length == 0 ? missing.Groups[1].Value : $"{field}.{missing.Groups[1].Value}";
            reason = "is required";
        }
        else if (ExpectedValues(field[(field.LastIndexOf('.') + 1)..]) is { } expected)
        {
            reason = $"not a known value; expected one of {expected}";
        }

        return new FactsFormatException(field, reason, e);
    }

    // The enum-valued fields, by their JSON name.
    private static string? ExpectedValues(string fieldName) => fieldName switch
    {
        "intent" => Names<Intent>(),
        "sky" => Names<Sky>(),
        "mood" => Names<PlantMood>(),
        "target" => Names<TargetDevice>(),
        _ => null,
    };

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)));

    [GeneratedRegex(@"missing required properties including: '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperty();
}
