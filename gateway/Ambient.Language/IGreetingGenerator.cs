namespace Ambient.Language;

/// <summary>
/// Facts in, validated text out. Implementations: the deterministic template (always available) and the small
/// ONNX model (falls back to the template when its samples fail validation). CPU-bound and synchronous.
/// </summary>
public interface IGreetingGenerator
{
    GeneratedText Generate(Facts facts, CancellationToken cancellationToken = default);
}
