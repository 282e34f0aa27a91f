using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ambient.Hardware.Tests;

/// <summary>
/// The device .nfproj files are built by the nanoFramework toolchain, not here; these checks keep what can be checked
/// without it honest: linked files exist, every referenced assembly comes from a package in packages.config, and the
/// core library is the 1.17.11 the Linux compile checks use.
/// </summary>
public sealed class DeviceProjectTests
{
    private static readonly XNamespace Msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    [Theory]
    [MemberData(nameof(Devices))]
    public void Every_file_a_device_project_links_exists(string device)
    {
        var folder = RepoRoot.Combine("firmware", Device.Named(device).FirmwareFolder);
        var project = LoadProject(device);

        var missing = project.Descendants(Msbuild + "Compile")
            .Select(c => c.Attribute("Include")!.Value)
            .Where(include => !include.Contains('*', StringComparison.Ordinal))
            .Where(include => !File.Exists(Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/')))));

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Every_reference_comes_from_a_package_in_packages_config_and_every_package_is_referenced(string device)
    {
        var packages = LoadPackages(device);
        var hintPaths = LoadProject(device).Descendants(Msbuild + "HintPath").Select(h => h.Value).ToList();

        var unknown = hintPaths.Where(h => !packages.Any(p => h.StartsWith($"packages\\{p.Id}.{p.Version}\\lib\\", StringComparison.Ordinal)));
        var unreferenced = packages.Where(p => !hintPaths.Any(h => h.StartsWith($"packages\\{p.Id}.{p.Version}\\lib\\", StringComparison.Ordinal)));

        Assert.Empty(unknown);
        Assert.Empty(unreferenced.Select(p => p.Id));
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Packages_config_uses_the_core_library_the_compile_checks_use(string device)
    {
        var coreLibrary = LoadPackages(device).Single(p => p.Id == "nanoFramework.CoreLibrary");

        Assert.Equal("1.17.11", coreLibrary.Version);
        Assert.All(LoadPackages(device), p => Assert.Equal("netnano1.0", p.TargetFramework));
    }

    /// <summary>
    /// The Linux compile check sees the whole HAL at once; a device project links HAL files one by one. So every HAL
    /// type the device's Program.cs uses, and every HAL type those use in turn, must be linked into its .nfproj.
    /// </summary>
    [Theory]
    [MemberData(nameof(Devices))]
    public void Every_HAL_file_the_program_needs_is_linked_into_its_device_project(string device)
    {
        var folder = RepoRoot.Combine("firmware", Device.Named(device).FirmwareFolder);
        var halFolder = RepoRoot.Combine("firmware", "Ambient.Firmware.Esp32");
        var halFileOfType = Directory.EnumerateFiles(halFolder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Parse(f).DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => (Type: t.Identifier.Text, File: f)))
            .ToDictionary(t => t.Type, t => t.File);
        var linked = LoadProject(device).Descendants(Msbuild + "Compile")
            .Select(c => Path.GetFullPath(Path.Combine(folder, c.Attribute("Include")!.Value.Replace('\\', '/'))))
            .ToHashSet();

        var needed = new HashSet<string>();
        var pending = new Queue<string>([Path.Combine(folder, "Program.cs")]);
        while (pending.TryDequeue(out var file))
        {
            foreach (var name in Parse(file).DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text))
            {
                if (halFileOfType.TryGetValue(name, out var halFile) && needed.Add(Path.GetFullPath(halFile)))
                {
                    pending.Enqueue(halFile);
                }
            }
        }

        Assert.Empty(needed.Where(f => !linked.Contains(f)).Select(Path.GetFileName));
    }

    public static TheoryData<string> Devices => Device.Names;

    private static Microsoft.CodeAnalysis.SyntaxNode Parse(string path) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.CSharp9)).GetRoot();

    private static XDocument LoadProject(string device)
    {
        var name = Device.Named(device).FirmwareFolder;
        return XDocument.Load(RepoRoot.Combine("firmware", name, name + ".nfproj"));
    }

    private static List<(string Id, string Version, string TargetFramework)> LoadPackages(string device) =>
        [.. XDocument.Load(RepoRoot.Combine("firmware", Device.Named(device).FirmwareFolder, "packages.config"))
            .Descendants("package")
            .Select(p => (p.Attribute("id")!.Value, p.Attribute("version")!.Value, p.Attribute("targetFramework")!.Value))];
}
