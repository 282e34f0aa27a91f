using System.Diagnostics;
using System.Text.RegularExpressions;
using Ambient.Gateway.Hosting;

namespace Ambient.Gateway.Tests.Hosting;

public sealed class DeployTests
{
    private static readonly SystemdUnit Unit = SystemdUnit.Parse(File.ReadAllText(DeployFiles.Unit));

    [Fact]
    public void The_unit_is_a_notify_service_run_as_ambient_and_restarted_when_it_fails()
    {
        Assert.Equal("notify", Unit.Single("Service", "Type"));
        Assert.Equal("ambient", Unit.Single("Service", "User"));
        Assert.Equal("on-failure", Unit.Single("Service", "Restart"));
        Assert.Equal("multi-user.target", Unit.Single("Install", "WantedBy"));
    }

    [Fact]
    public void The_unit_gives_the_gateway_the_directories_it_looks_for_under_systemd()
    {
        Assert.Equal(DataDirectory.ServiceDefault, "/var/lib/" + Unit.Single("Service", "StateDirectory"));
        Assert.Equal(Path.GetDirectoryName(GatewayHost.SystemConfigFile), "/etc/" + Unit.Single("Service", "ConfigurationDirectory"));
        Assert.Contains(DataDirectory.ServiceDefault, Unit.Single("Service", "ReadWritePaths").Split(' '));
    }

    [Fact]
    public void The_unit_is_hardened_but_may_still_open_the_i2c_bus()
    {
        Assert.Equal("true", Unit.Single("Service", "NoNewPrivileges"));
        Assert.Equal("strict", Unit.Single("Service", "ProtectSystem"));
        Assert.Equal("true", Unit.Single("Service", "ProtectHome"));
        Assert.Equal("true", Unit.Single("Service", "PrivateTmp"));
        Assert.Equal("i2c", Unit.Single("Service", "SupplementaryGroups"));
        Assert.Empty(Unit.All("Service", "PrivateDevices"));
        Assert.Empty(Unit.All("Service", "MemoryDenyWriteExecute"));
    }

    [Fact]
    public void The_unit_starts_the_executable_where_install_sh_puts_it_under_the_name_install_sh_enables()
    {
        var script = File.ReadAllText(DeployFiles.InstallScript);

        var installDir = Assert.Single(ReadonlyVariable("INSTALL_DIR").Matches(script)).Groups[1].Value;
        var service = Assert.Single(ReadonlyVariable("SERVICE").Matches(script)).Groups[1].Value;
        var user = Assert.Single(ReadonlyVariable("SERVICE_USER").Matches(script)).Groups[1].Value;

        Assert.Equal($"{installDir}/Ambient.Gateway", Unit.Single("Service", "ExecStart"));
        Assert.Equal(Path.GetFileName(DeployFiles.Unit), $"{service}.service");
        Assert.Equal(Unit.Single("Service", "User"), user);
    }

    [Fact]
    public async Task Install_sh_is_valid_bash_that_stops_at_the_first_error()
    {
        var script = await File.ReadAllLinesAsync(DeployFiles.InstallScript);

        var (code, _, errors) = await BashAsync("-n", DeployFiles.InstallScript);

        Assert.True(code == 0, errors);
        Assert.Equal("#!/usr/bin/env bash", script[0]);
        Assert.Contains("set -euo pipefail", script);
    }

    [Fact]
    public async Task Install_sh_without_a_publish_folder_prints_its_usage_and_changes_nothing()
    {
        var (code, output, errors) = await BashAsync(DeployFiles.InstallScript);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("Usage: sudo install.sh PUBLISH_DIR", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_sh_refuses_a_folder_without_a_published_gateway()
    {
        var empty = Directory.CreateTempSubdirectory("ambient-publish-");
        try
        {
            var (code, _, errors) = await BashAsync(DeployFiles.InstallScript, empty.FullName);

            Assert.Equal(1, code);
            Assert.Contains("has no Ambient.Gateway executable", errors, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static Regex ReadonlyVariable(string name) => new($"^readonly {name}=(\\S+)$", RegexOptions.Multiline);

    private static async Task<(int Code, string Output, string Errors)> BashAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return (bash.ExitCode, await output, await errors);
    }
}
