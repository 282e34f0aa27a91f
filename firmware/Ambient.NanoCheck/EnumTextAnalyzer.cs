using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Ambient.NanoCheck;

/// <summary>
/// On nanoFramework an enum's ToString() is its number. Code that builds topics, logs or display text from an
/// enum's name works on .NET and silently changes on the device, so any enum-to-text conversion is an error.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EnumTextAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(NanoRules.EnumToText);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeInterpolation, OperationKind.Interpolation);
        context.RegisterOperationAction(AnalyzeConcatenation, OperationKind.Binary);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name == "ToString" && invocation.Instance is { } instance &&
            IsEnum(NumericFormatAnalyzer.Unwrap(instance)))
        {
            Report(context, invocation);
        }
    }

    private static void AnalyzeInterpolation(OperationAnalysisContext context)
    {
        var interpolation = (IInterpolationOperation)context.Operation;
        if (IsEnum(NumericFormatAnalyzer.Unwrap(interpolation.Expression)))
        {
            Report(context, interpolation);
        }
    }

    private static void AnalyzeConcatenation(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        foreach (var operand in new[] { binary.LeftOperand, binary.RightOperand })
        {
            if (IsEnum(NumericFormatAnalyzer.Unwrap(operand)))
            {
                Report(context, operand);
            }
        }
    }

    private static bool IsEnum(IOperation operation) => operation.Type?.TypeKind == TypeKind.Enum;

    private static void Report(OperationAnalysisContext context, IOperation at) =>
        context.ReportDiagnostic(Diagnostic.Create(NanoRules.EnumToText, at.Syntax.GetLocation(), at.Syntax.ToString()));
}
