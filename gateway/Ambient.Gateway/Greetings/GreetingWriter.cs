using Ambient.Language;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// The one way the gateway turns <see cref="Facts"/> into text: the registered <see cref="IGreetingGenerator"/>
/// (the model, or the template when there is none), one call at a time — the model's session and sampler are
/// shared state and a Pi has few cores — and the template when the generator fails, so a greeting, notice or
/// reminder is never lost to a writer's bug.
/// </summary>
public sealed class GreetingWriter(IGreetingGenerator generator, ILogger<GreetingWriter> logger)
{
    private static readonly TemplateGenerator Fallback = new();
    private readonly Lock _gate = new();

    public GeneratedText Write(Facts facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        lock (_gate)
        {
            try
            {
                return generator.Generate(facts, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // Whatever the writer's failure, the deterministic template still has the facts.
            catch (Exception e)
#pragma warning restore CA1031
            {
                GreetingsLog.WriterFailed(logger, facts.Intent.ToString(), e);
                return Fallback.Generate(facts, cancellationToken);
            }
        }
    }

    /// <summary>How a text was made, as the memory, the feed and the API show it.</summary>
    public static string Describe(MadeBy madeBy) => madeBy switch
    {
        MadeBy.Model => "model",
        MadeBy.ModelResampled => "model, resampled",
        _ => "template",
    };
}
