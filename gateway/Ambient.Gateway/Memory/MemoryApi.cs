namespace Ambient.Gateway.Memory;

public static class MemoryApi
{
    /// <summary>The longest search text accepted.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>
    /// GET /api/memory?q=&amp;limit=: remembered interactions, newest first. With q, those whose text holds every word
    /// of it ("…" for a phrase; any text is accepted and searched literally); without, the latest. limit 1–200,
    /// default 50.
    /// </summary>
    public static RouteGroupBuilder MapMemory(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/memory");
        group.MapGet("/", (string? q, string? limit, MemoryStore store) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var count = 50;
            if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count)
                                      || count < 1 || count > MemoryStore.MaxLimit))
            {
                errors["limit"] = [$"limit must be a whole number from 1 to {MemoryStore.MaxLimit}"];
            }

            if (q is { Length: > MaxQueryLength })
            {
                errors["q"] = [$"q must be at most {MaxQueryLength} characters"];
            }

            return errors.Count > 0 ? Results.ValidationProblem(errors) : Results.Ok(store.Search(q, count));
        });
        return group;
    }
}
