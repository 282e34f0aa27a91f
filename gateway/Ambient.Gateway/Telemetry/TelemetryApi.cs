using System.Globalization;
using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Telemetry;

public static class TelemetryApi
{
    /// <summary>
    /// <c>GET /api/telemetry?device=&amp;from=&amp;to=</c>: ISO-8601 instants (default: the last 24 hours); a bad
    /// parameter is a 400 problem whose <c>errors</c> names it.
    /// </summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/telemetry", (string? device, string? from, string? to, TelemetryStore store, TimeProvider time, IOptions<TelemetryOptions> options) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(device))
            {
                errors["device"] = ["device is required"];
            }
            else if (DeviceId.Explain(device) is { } why)
            {
                errors["device"] = [why];
            }

            var end = Parse(to, "to", errors) ?? time.GetUtcNow();
            var start = Parse(from, "from", errors) ?? end.AddDays(-1);
            if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && start > end)
            {
                errors["from"] = ["from must not be after to"];
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }

            var limit = options.Value.MaxApiReadings;
            var readings = store.Readings(device!, start, end, limit + 1);
            var truncated = readings.Count > limit;
            return Results.Ok(new TelemetryResponse(device!, start, end, truncated, truncated ? readings.Take(limit).ToList() : readings));
        });
        return endpoints;
    }

    private static DateTimeOffset? Parse(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        // ISO-8601 only (round-trip style); a time without an offset is taken as UTC.
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];
        if (DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        errors[name] = [$"{name} must be an ISO-8601 date-time such as 2026-05-01T08:00:00Z"];
        return null;
    }
}
