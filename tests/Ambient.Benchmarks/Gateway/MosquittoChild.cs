using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Ambient.Benchmarks.Gateway;

/// <summary>
/// Mosquitto (/usr/sbin/mosquitto) on a free loopback port, configured like the gateway tests' external broker: no
/// anonymous access, a password file, per-device pattern ACLs and a gateway account that reads every device's up
/// topics. The only change is an unbounded queue for the gateway's session, so a backlog is never silently dropped.
/// </summary>
internal sealed class MosquittoChild : IDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    private const string Passwd = "/usr/bin/mosquitto_passwd";
    private readonly Process _process;
    private readonly string _dir;

    private MosquittoChild(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public static async Task<MosquittoChild> StartAsync(IReadOnlyDictionary<string, string> users)
    {
        var dir = Directory.CreateTempSubdirectory("ambient-bench-mosquitto-").FullName;
        var passwd = Path.Combine(dir, "passwd");
        await File.WriteAllTextAsync(passwd, "").ConfigureAwait(false);
        foreach (var (user, password) in users)
        {
            using var tool = Process.Start(new ProcessStartInfo(Passwd) { ArgumentList = { "-b", passwd, user, password } })!;
            await tool.WaitForExitAsync().ConfigureAwait(false);
            if (tool.ExitCode != 0)
            {
                throw new InvalidOperationException($"mosquitto_passwd failed for {user}");
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
        var port = GatewayChild.FreePort();
        await File.WriteAllTextAsync(Path.Combine(dir, "mosquitto.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            user root
            allow_anonymous false
            password_file {passwd}
            acl_file {Path.Combine(dir, "acl")}
            max_queued_messages 0
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
        var broker = new MosquittoChild(process, dir, port);
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
