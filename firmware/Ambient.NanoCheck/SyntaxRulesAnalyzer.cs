using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Ambient.NanoCheck;

/// <summary>Rules decided by syntax alone: own generics, multi-dimensional arrays, async, exception filters.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SyntaxRulesAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        NanoRules.GenericDeclaration, NanoRules.MultiDimensionalArray, NanoRules.AsyncCode, NanoRules.ExceptionFilter);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            AnalyzeTypeParameters,
            SyntaxKind.ClassDeclaration, SyntaxKind.StructDeclaration, SyntaxKind.InterfaceDeclaration,
            SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration, SyntaxKind.MethodDeclaration,
            SyntaxKind.LocalFunctionStatement, SyntaxKind.DelegateDeclaration);
        context.RegisterSyntaxNodeAction(AnalyzeArrayRank, SyntaxKind.ArrayRankSpecifier);
        context.RegisterSyntaxNodeAction(AnalyzeAwait, SyntaxKind.AwaitExpression);
        context.RegisterSyntaxTreeAction(AnalyzeAsyncModifiers);
        context.RegisterSyntaxNodeAction(AnalyzeCatchFilter, SyntaxKind.CatchFilterClause);
    }

    private static void AnalyzeTypeParameters(SyntaxNodeAnalysisContext context)
    {
        var (list, name) = context.Node switch
        {
            TypeDeclarationSyntax t => (t.TypeParameterList, t.Identifier),
            MethodDeclarationSyntax m => (m.TypeParameterList, m.Identifier),
            LocalFunctionStatementSyntax f => (f.TypeParameterList, f.Identifier),
            DelegateDeclarationSyntax d => (d.TypeParameterList, d.Identifier),
            _ => (null, default),
        };
        if (list is { Parameters.Count: > 0 })
        {
            context.ReportDiagnostic(Diagnostic.Create(
                NanoRules.GenericDeclaration, name.GetLocation(), name.ValueText + list));
        }
    }

    private static void AnalyzeArrayRank(SyntaxNodeAnalysisContext context)
    {
        var rank = (ArrayRankSpecifierSyntax)context.Node;
        if (rank.Rank > 1)
        {
            var shown = rank.Parent?.ToString() ?? rank.ToString();
            context.ReportDiagnostic(Diagnostic.Create(NanoRules.MultiDimensionalArray, rank.GetLocation(), shown));
        }
    }

    private static void AnalyzeAwait(SyntaxNodeAnalysisContext context) =>
        context.ReportDiagnostic(Diagnostic.Create(NanoRules.AsyncCode, context.Node.GetLocation(), "await"));

    // 'async' is contextual: only the modifier is lexed as AsyncKeyword, a variable named async is an identifier.
    private static void AnalyzeAsyncModifiers(SyntaxTreeAnalysisContext context)
    {
        foreach (var token in context.Tree.GetRoot(context.CancellationToken).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.AsyncKeyword))
            {
                context.ReportDiagnostic(Diagnostic.Create(NanoRules.AsyncCode, token.GetLocation(), "async"));
            }
        }
    }

    private static void AnalyzeCatchFilter(SyntaxNodeAnalysisContext context) =>
        context.ReportDiagnostic(Diagnostic.Create(NanoRules.ExceptionFilter, context.Node.GetLocation()));
}
