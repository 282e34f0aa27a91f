using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Ambient.NanoCheck;

/// <summary>
/// nanoFramework formats numbers with the standard specifiers D, F, G, N and X only; a custom pattern such as
/// "0.00" compiles against its mscorlib and then prints something else on the device.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NumericFormatAnalyzer : DiagnosticAnalyzer
{
    private static readonly Regex Supported = new("^([DdFfGgNnXx][0-9]{0,2})?$", RegexOptions.CultureInvariant);
    private static readonly Regex FormatItem = new(@"\{(?<index>\d+)\s*(,\s*-?\d+\s*)?(:(?<format>[^}]*))?\}", RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(NanoRules.CustomNumericFormat);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInterpolation, OperationKind.Interpolation);
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
    }

    internal static bool IsSupported(string format) => Supported.IsMatch(format);

    private static void AnalyzeInterpolation(OperationAnalysisContext context)
    {
        var interpolation = (IInterpolationOperation)context.Operation;
        if (interpolation.FormatString?.ConstantValue is { HasValue: true, Value: string format } &&
            IsNumeric(Unwrap(interpolation.Expression).Type))
        {
            Report(context, interpolation.FormatString, format);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "ToString" && invocation.Instance is { } instance && IsNumeric(instance.Type) &&
            invocation.Arguments.Length > 0 &&
            invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string format })
        {
            Report(context, invocation.Arguments[0].Value, format);
        }
        else if (method.Name == "Format" && method.ContainingType.SpecialType == SpecialType.System_String)
        {
            AnalyzeCompositeFormat(context, invocation);
        }
    }

    private static void AnalyzeCompositeFormat(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var formatArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format");
        if (formatArgument?.Value.ConstantValue is not { HasValue: true, Value: string composite })
        {
            return;
        }

        var values = PositionalValues(invocation, formatArgument);
        foreach (Match item in FormatItem.Matches(composite.Replace("{{", "  ")))
        {
            var index = int.Parse(item.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var format = item.Groups["format"];
            if (format.Success && index < values.Count && IsNumeric(Unwrap(values[index]).Type))
            {
                Report(context, formatArgument.Value, format.Value);
            }
        }
    }

    // string.Format(format, a, b) and string.Format(format, params object[]) both end up as a list of values.
    private static List<IOperation> PositionalValues(IInvocationOperation invocation, IArgumentOperation formatArgument)
    {
        var values = new List<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument == formatArgument || argument.Parameter is null)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray &&
                argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                values.AddRange(initializer.ElementValues);
            }
            else
            {
                values.Add(argument.Value);
            }
        }

        return values;
    }

    private static void Report(OperationAnalysisContext context, IOperation at, string format)
    {
        if (!IsSupported(format))
        {
            context.ReportDiagnostic(Diagnostic.Create(NanoRules.CustomNumericFormat, at.Syntax.GetLocation(), format));
        }
    }

    /// <summary>Looks through the compiler's implicit conversions (boxing to object), not through casts in the code.</summary>
    internal static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsNumeric(ITypeSymbol? type) => type?.SpecialType is
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or
        SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or
        SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or
        SpecialType.System_Double or SpecialType.System_Decimal;
}
