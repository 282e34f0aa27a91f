using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ambient.Hardware.Tests.Model;

/// <summary>The integer constants a firmware Pins class declares, read with Roslyn from its source text.</summary>
internal static class PinsSource
{
    public static IReadOnlyDictionary<string, long> Constants(string source, string className, ICollection<string> problems)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9));
        var type = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .SingleOrDefault(c => c.Identifier.Text == className);
        if (type is null)
        {
            problems.Add($"class {className} not found");
            return new Dictionary<string, long>();
        }

        var constants = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var field in type.Members.OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword)))
        {
            foreach (var variable in field.Declaration.Variables)
            {
                var name = variable.Identifier.Text;
                if (TryEvaluate(variable.Initializer?.Value, out var value))
                {
                    constants[name] = value;
                }
                else
                {
                    problems.Add($"{className}.{name} must be an integer literal so it can be compared with pins.json");
                }
            }
        }

        return constants;
    }

    private static bool TryEvaluate(ExpressionSyntax? expression, out long value)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax { Token.Value: int or long or uint } literal:
                value = Convert.ToInt64(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture);
                return true;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negative
                when TryEvaluate(negative.Operand, out var operand):
                value = -operand;
                return true;
            default:
                value = 0;
                return false;
        }
    }
}
