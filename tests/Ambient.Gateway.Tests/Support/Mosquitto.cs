using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Ambient.Gateway.Tests.Support;

/// <summary>
/// A real Mosquitto (Debian package "mosquitto", installed by test.sh) on a free loopback port with the
/// configuration the gateway documents for external-broker mode: no anonymous access, a password file and
/// per-device pattern ACLs, and a gateway account that reads every device's up/status topics.
/// <para>
/// Shared as a linked source file by the gateway tests and the ingest bench (tests/Ambient.Benchmarks), so it uses
/// no test framework: a failed start throws.
/// </para>
/// </summary>
public sealed class Mosquitto : IAsyncDisposable, IDisposable
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

    /// <summary>For a test that signals it (SIGHUP: reload the password and ACL files), or a bench reading its CPU time.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts on password and ACL files written elsewhere (by the gateway in external mode); they must stay
    /// readable by this user, and are left in place on dispose.
    /// </summary>
    public static Task<Mosquitto> StartAsync(string passwordFile, string aclFile) =>
        StartAsync(Directory.CreateTempSubdirectory("ambient-mosquitto-").FullName, passwordFile, aclFile, 100000);

    /// <param name="users">User name → password; one of them is the gateway's account, "ambient-gateway".</param>
    /// <param name="maxQueuedMessages">
    /// Mosquitto's max_queued_messages for the gateway's session: the documented 100,000, or 0 (unbounded) for a
    /// bench whose backlog must never be dropped.
    /// </param>
    public static async Task<Mosquitto> StartAsync(IReadOnlyDictionary<string, string> users, int maxQueuedMessages = 100000)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install the Debian package 'mosquitto' (test.sh does)");
        }

        var dir = Directory.CreateTempSubdirectory("ambient-mosquitto-").FullName;
        var passwd = Path.Combine(dir, "passwd");
        await File.WriteAllTextAsync(passwd, "").ConfigureAwait(false);
        foreach (var (user, password) in users)
        {
            using var tool = Process.Start(new ProcessStartInfo(Passwd) { ArgumentList = { "-b", passwd, user, password } })!;
            await tool.WaitForExitAsync().ConfigureAwait(false);
            if (tool.ExitCode != 0)
            {
                throw new InvalidOperationException($"mosquitto_passwd failed for {user} (exit code {tool.ExitCode})");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(dir, "acl"), """
            user ambient-gateway
            topic read ambient/v1/+/up/#
            topic read ambient/v1/+/status
            topic write ambient/v1/+/down/#

            pattern write ambient/v1/%u/up/#
            pattern write ambient/v1/%u/status
            pattern read ambient/v1/%u/down/#

            """).ConfigureAwait(false);
        return await StartAsync(dir, passwd, Path.Combine(dir, "acl"), maxQueuedMessages).ConfigureAwait(false);
    }

    private static async Task<Mosquitto> StartAsync(string dir, string passwd, string acl, int maxQueuedMessages)
    {
        var port = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(dir, "mosquitto.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            # Started as root (CI containers), Mosquitto would switch to the "mosquitto" user, who cannot read
            # this private temp directory; as any other user this line has no effect.
            user root
            allow_anonymous false
            password_file {passwd}
            acl_file {acl}
            max_queued_messages {maxQueuedMessages}
            max_inflight_messages 100
            persistence false

            """)).ConfigureAwait(false);
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
                await probe.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
                return broker;
            }
            catch (SocketException) when (Environment.TickCount64 < deadline && !process.HasExited)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
