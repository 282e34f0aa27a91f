using System.Globalization;
using System.Text.Json;

namespace Ambient.Gateway.Weather;

/// <summary>
/// Pure: an Open-Meteo /v1/forecast body (current=temperature_2m,weather_code;
/// daily=temperature_2m_max,temperature_2m_min,precipitation_probability_max,weather_code; timezone=auto) → a
/// <see cref="Forecast"/>. Times in the body are local to the location without an offset; utc_offset_seconds gives it.
/// </summary>
public static class OpenMeteoParser
{
    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static Forecast Parse(string json, DateTimeOffset fetchedAt)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new WeatherFormatException($"not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WeatherFormatException("the body is not a JSON object");
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True)
            {
                throw new WeatherFormatException($"the API reported an error: {Text(root, "reason")}");
            }

            var offset = TimeSpan.FromSeconds(Number(root, "utc_offset_seconds"));
            var timeZone = Text(root, "timezone");
            var current = Object(root, "current");
            var observedAt = LocalTime(Text(current, "time", "current"), offset, "current.time");
            var temperature = Number(current, "temperature_2m", "current");
            var code = (int)Number(current, "weather_code", "current");

            var daily = Object(root, "daily");
            var days = Array(daily, "time");
            var today = DateOnly.FromDateTime(observedAt.DateTime);
            var index = -1;
            for (var i = 0; i < days.Count; i++)
            {
                if (DateOnly.TryParseExact(days[i].GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    && day == today)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                throw new WeatherFormatException($"daily.time has no entry for {today:yyyy-MM-dd}");
            }

            var high = NumberValue(At(daily, "temperature_2m_max", index), "daily.temperature_2m_max");
            var low = NumberValue(At(daily, "temperature_2m_min", index), "daily.temperature_2m_min");
            var rain = At(daily, "precipitation_probability_max", index);
            int? rainPercent = rain.ValueKind == JsonValueKind.Null ? null : (int)NumberValue(rain, "daily.precipitation_probability_max");
            var dayCode = (int)NumberValue(At(daily, "weather_code", index), "daily.weather_code");

            return new Forecast(
                fetchedAt,
                observedAt,
                timeZone,
                temperature,
                code,
                WmoCodes.Describe(code).Words,
                today,
                high,
                low,
                rainPercent,
                dayCode,
                WmoCodes.Describe(dayCode).Words);
        }
    }

    private static JsonElement Object(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new WeatherFormatException($"missing object '{name}'");

    private static List<JsonElement> Array(JsonElement daily, string name)
        => daily.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : throw new WeatherFormatException($"missing array 'daily.{name}'");

    private static JsonElement At(JsonElement daily, string name, int index)
    {
        var values = Array(daily, name);
        return index < values.Count ? values[index] : throw new WeatherFormatException($"'daily.{name}' has no value for day {index}");
    }

    private static string Text(JsonElement parent, string name, string? path = null)
        => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new WeatherFormatException($"missing text '{Path(path, name)}'");

    private static double Number(JsonElement parent, string name, string? path = null)
        => parent.TryGetProperty(name, out var value)
            ? NumberValue(value, Path(path, name))
            : throw new WeatherFormatException($"missing number '{Path(path, name)}'");

    private static double NumberValue(JsonElement value, string path)
        => value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new WeatherFormatException($"'{path}' is {value.ValueKind}, not a number");

    private static string Path(string? path, string name) => path is null ? name : $"{path}.{name}";

    private static DateTimeOffset LocalTime(string text, TimeSpan offset, string path)
        => DateTime.TryParseExact(text, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, offset)
            : throw new WeatherFormatException($"'{path}' is not an ISO 8601 local time: '{text}'");
}
