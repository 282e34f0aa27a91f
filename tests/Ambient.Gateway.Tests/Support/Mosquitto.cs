using System.Diagnostics;
using System.Net.Sockets;

namespace Ambient.Gateway.Tests.Support;

/// <summary>
/// A real Mosquitto (Debian package "mosquitto", installed by test.sh) on a free loopback port with the
/// configuration the gateway documents for external-broker mode: no anonymous access, a password file and
/// per-device pattern ACLs, and a gateway account that reads every device's up/status topics.
/// </summary>
public sealed class Mosquitto : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    private const string Passwd = "/usr/bin/mosquitto_passwd";
    private readonly Process _process;
    private readonly string _dir;

    private Mosquitto(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>For a test that signals it (SIGHUP: reload the password and ACL files).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts on password and ACL files written elsewhere (by the gateway in external mode); they must stay
    /// readable by this user, and are left in place on dispose.
    /// </summary>
    public static Task<Mosquitto> StartAsync(string passwordFile, string aclFile) =>
        StartAsync(Directory.CreateTempSubdirectory("ambient-mosquitto-").FullName, passwordFile, aclFile);

    public static async Task<Mosquitto> StartAsync(IReadOnlyDictionary<string, string> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        Assert.True(File.Exists(Executable), $"{Executable} is missing: install the Debian package 'mosquitto' (test.sh does)");
        var dir = Directory.CreateTempSubdirectory("ambient-mosquitto-").FullName;
        var passwd = Path.Combine(dir, "passwd");
        await File.WriteAllTextAsync(passwd, "");
        foreach (var (user, password) in users)
        {
            using var tool = Process.Start(new ProcessStartInfo(Passwd) { ArgumentList = { "-b", passwd, user, password } })!;
            await tool.WaitForExitAsync();
            Assert.Equal(0, tool.ExitCode);
        }

        await File.WriteAllTextAsync(Path.Combine(dir, "acl"), """
            user ambient-gateway
            topic read ambient/v1/+/up/#
            topic read ambient/v1/+/status
            topic write ambient/v1/+/down/#

            pattern write ambient/v1/%u/up/#
            pattern write ambient/v1/%u/status
            pattern read ambient/v1/%u/down/#

            """);
        return await StartAsync(dir, passwd, Path.Combine(dir, "acl"));
    }

    private static async Task<Mosquitto> StartAsync(string dir, string passwd, string acl)
    {
        var port = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(dir, "mosquitto.conf"), $"""
            listener {port} 127.0.0.1
            # Started as root (CI containers), Mosquitto would switch to the "mosquitto" user, who cannot read
            # this private temp directory; as any other user this line has no effect.
            user root
            allow_anonymous false
            password_file {passwd}
            acl_file {acl}
            max_queued_messages 100000
            max_inflight_messages 100
            persistence false

            """);
        var process = Process.Start(new ProcessStartInfo(Executable)
        {
            ArgumentList = { "-c", Path.Combine(dir, "mosquitto.conf") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var broker = new Mosquitto(process, dir, port);
        // Ready when it accepts TCP; there is no other readiness signal to await.
        var deadline = Environment.TickCount64 + 10000;
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return broker;
            }
            catch (SocketException) when (Environment.TickCount64 < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
