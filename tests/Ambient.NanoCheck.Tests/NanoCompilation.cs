using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Ambient.NanoCheck.Tests;

/// <summary>Compiles a snippet the way NanoCheck.targets does: C# 9, nanoFramework's mscorlib only, the lint on.</summary>
internal static class NanoCompilation
{
    private static readonly MetadataReference Mscorlib =
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "nanoFramework", "mscorlib.dll"));

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new SyntaxRulesAnalyzer(), new NumericFormatAnalyzer(), new EnumTextAnalyzer()];

    public static IReadOnlyList<Diagnostic> Diagnose(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9));
        var compilation = CSharpCompilation.Create(
            "Snippet", [tree], [Mscorlib], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilerErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        var lint = compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return [.. compilerErrors, .. lint];
    }

    public static IReadOnlyList<string> Ids(string source) => [.. Diagnose(source).Select(d => d.Id).Order()];

    /// <summary>Wraps statements in a class with a method, so each test shows only what it is about.</summary>
    public static IReadOnlyList<string> IdsInMethod(string statements) => Ids(
        "namespace T { public enum Mode { Off = 0, On = 1 } public class C { public object M(double d, int i, long l, Mode mode, System.DateTime t) { " +
        statements + " } } }");
}
