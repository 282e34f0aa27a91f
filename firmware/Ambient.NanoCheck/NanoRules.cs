using Microsoft.CodeAnalysis;

namespace Ambient.NanoCheck;

/// <summary>
/// What nanoFramework 1.17 cannot run although a compile against its mscorlib accepts it
/// (shared/reference/nanoframework.md §3 and §7.1). Every rule is an error: the device would fail at
/// deploy time (MetadataProcessor) or behave differently at run time.
/// </summary>
internal static class NanoRules
{
    private const string Category = "nanoFramework";

    public static readonly DiagnosticDescriptor GenericDeclaration = new(
        "NANO001",
        "Generic type or method declared",
        "'{0}' declares type parameters: nanoFramework 1.17 has no generics; use a concrete type or object",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MultiDimensionalArray = new(
        "NANO002",
        "Multi-dimensional array",
        "'{0}' is a multi-dimensional array: nanoFramework supports jagged arrays only (T[][])",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CustomNumericFormat = new(
        "NANO003",
        "Custom numeric format string",
        "Numeric format \"{0}\" is not supported by nanoFramework: use D, F, G, N or X with an optional precision, for example F2",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AsyncCode = new(
        "NANO004",
        "async or await",
        "'{0}' uses async/await: nanoFramework 1.17 has no Task; use a thread, a timer or a state machine",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ExceptionFilter = new(
        "NANO005",
        "Exception filter",
        "catch (...) when (...) is not supported reliably by the nanoFramework interpreter; test inside the catch block",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EnumToText = new(
        "NANO006",
        "Enum converted to text",
        "'{0}' turns an enum into text: on nanoFramework that is its number, not its name; use a name table",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
