using System.Diagnostics;

namespace Ambient.NanoCheck.Tests;

/// <summary>
/// The real build, not a simulation of it: a copy of shared/Ambient.Protocol with one planted file goes through
/// NanoCheck.targets with `dotnet build`, exactly as the solution build checks the original.
/// </summary>
public sealed class PlantedViolationTests
{
    [Fact]
    public void An_untouched_copy_of_the_protocol_passes_the_check()
    {
        var (exitCode, output) = BuildCopyWith(plant: null);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Planting_System_Collections_Generic_in_shared_fails_the_build()
    {
        var (exitCode, output) = BuildCopyWith("""
            namespace Ambient.Protocol
            {
                internal static class Planted
                {
                    internal static System.Collections.Generic.List<int> Seen = new System.Collections.Generic.List<int>();
                }
            }
            """);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Planted.cs(5,", output, StringComparison.Ordinal);
        Assert.Contains("error CS0234: The type or namespace name 'Generic' does not exist in the namespace 'System.Collections'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Planting_a_generic_method_in_shared_fails_the_build_with_the_lint()
    {
        var (exitCode, output) = BuildCopyWith("""
            namespace Ambient.Protocol
            {
                internal static class Planted
                {
                    internal static T Pick<T>(T value) { return value; }
                }
            }
            """);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error NANO001: 'Pick<T>' declares type parameters: nanoFramework 1.17 has no generics", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) BuildCopyWith(string? plant)
    {
        // Inside the test's own output folder, so the repository's Directory.Build.props and central package
        // versions apply to the copy as they do to the original.
        var work = Path.Combine(AppContext.BaseDirectory, "planted", Guid.NewGuid().ToString("N")[..8]);
        var sources = Path.Combine(work, "Ambient.Protocol");
        CopySources(Path.Combine(RepoPaths.Root, "shared", "Ambient.Protocol"), sources);
        if (plant is not null)
        {
            File.WriteAllText(Path.Combine(sources, "Planted.cs"), plant);
        }

        var project = Path.Combine(work, "Check", "Check.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><NanoCheckSources>../Ambient.Protocol</NanoCheckSources></PropertyGroup>
              <Import Project="{Path.Combine(RepoPaths.Root, "firmware", "Ambient.NanoCheck", "NanoCheck.targets")}" />
            </Project>
            """);

        try
        {
            return Run("dotnet", ["build", project, "-nodeReuse:false", "-p:BuildProjectReferences=false", "-clp:NoSummary"]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int ExitCode, string Output) Run(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild-related variables of its own; the child build must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }
}
