using Ambient.Gateway.Memory;
using Ambient.Language;

namespace Ambient.Gateway.Greetings;

/// <summary>The greetings endpoints of DESIGN.md §7 (behind the API token like every /api route).</summary>
public static class GreetingsApi
{
    /// <summary>The largest Facts JSON accepted (a full one is about 1 KB).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>
    /// GET /api/greetings?limit=: the latest texts written (greetings, plant reports, reminders), newest first, with
    /// how each was made and how long it took. POST /api/greetings/compose: Facts JSON (Ambient.Language FactsJson) →
    /// the text the gateway's writer makes of it, with how and how fast; nothing is sent or remembered. A bad body is
    /// a 400 whose errors name the field.
    /// </summary>
    public static RouteGroupBuilder MapGreetings(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/greetings");
        group.MapGet("/", (string? limit, MemoryStore store) =>
        {
            var count = 20;
            if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count)
                                      || count < 1 || count > MemoryStore.MaxLimit))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be a whole number from 1 to {MemoryStore.MaxLimit}"] });
            }

            return Results.Ok(store.Latest(count, MemoryKinds.Greeting, MemoryKinds.Plant, MemoryKinds.Reminder)
                .Select(m => new WrittenText(m.At, m.Kind, m.Person, m.Device, m.Text, m.MadeBy, m.LatencyMs)));
        });
        group.MapPost("/compose", async (HttpRequest request, GreetingWriter writer, CancellationToken cancellationToken) =>
        {
            if (request.ContentLength is > MaxBodyBytes)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["facts"] = [$"the body must be at most {MaxBodyBytes} bytes"] });
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length > MaxBodyBytes)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["facts"] = [$"the body must be at most {MaxBodyBytes} bytes"] });
            }

            Facts facts;
            try
            {
                facts = FactsJson.Parse(body);
            }
            catch (FactsFormatException e)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field.Length == 0 ? "facts" : e.Field] = [e.Message] });
            }

            var text = writer.Write(facts, cancellationToken);
            return Results.Ok(new ComposedText(text.Text, GreetingWriter.Describe(text.MadeBy), text.Milliseconds, text.Attempts, text.Problems));
        });
        return group;
    }

    /// <summary>A row of GET /api/greetings.</summary>
    public sealed record WrittenText(DateTimeOffset At, string Kind, string? Person, string? Device, string Text, string MadeBy, double? Milliseconds);

    /// <summary>The answer of POST /api/greetings/compose.</summary>
    public sealed record ComposedText(string Text, string MadeBy, double Milliseconds, int Attempts, IReadOnlyList<string> Problems);
}
