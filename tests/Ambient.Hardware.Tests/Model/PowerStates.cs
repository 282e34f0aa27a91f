using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ambient.Hardware.Tests.Model;

/// <summary>
/// The member names of Ambient.Firmware.Hal.PowerState, read from its source (the firmware core is device code; this
/// project reads it rather than building it).
/// </summary>
internal static class PowerStates
{
    public static IReadOnlyList<string> Names()
    {
        var path = RepoRoot.Combine("firmware", "Ambient.Firmware.Core", "Hal", "PowerState.cs");
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path));
        var declaration = tree.GetRoot().DescendantNodes().OfType<EnumDeclarationSyntax>().Single(e => e.Identifier.Text == "PowerState");
        return [.. declaration.Members.Select(m => m.Identifier.Text)];
    }
}
