using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ambient.Gateway.Tests.Support;

namespace Ambient.Benchmarks.Gateway;

/// <summary>
/// The built Ambient.Gateway.dll (copied next to the bench by the project reference) as a child process, so its
/// resident set is the gateway's alone (/proc/&lt;pid&gt;/status).
/// </summary>
internal sealed class GatewayChild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private GatewayChild(Process process, StringBuilder output)
    {
        _process = process;
        _output = output;
    }

    public int Pid => _process.Id;

    /// <summary>Starts the gateway and waits for <paramref name="readyLine"/> in its log.</summary>
    public static async Task<GatewayChild> StartAsync(string dataDirectory, string readyLine, params string[] extra)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Ambient.Gateway.dll"),
                $"--DataDirectory={dataDirectory}",
                string.Create(CultureInfo.InvariantCulture, $"--Api:Url=http://127.0.0.1:{FreePort.Next()}"),
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Ambient.Gateway.Broker=Information",
                // No network here: the weather client's retries would fill the captured log.
                "--Logging:LogLevel:Polly=None",
                "--Logging:LogLevel:System.Net.Http=None",
                "--Logging:LogLevel:Ambient.Gateway.Weather=None",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in extra)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            // Per-device connect lines would flood the buffer; keep everything else for diagnostics.
            if (!e.Data.EndsWith(" connected", StringComparison.Ordinal))
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }

            if (e.Data.Contains(readyLine, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the gateway exited during start-up:\n" + output));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return new GatewayChild(process, output);
    }

    /// <summary>VmRSS and VmHWM (peak) in MiB.</summary>
    public (double Rss, double Peak) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line) / 1024.0;
            }
        }

        return (rss, peak);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>User+system CPU seconds the gateway has used (/proc/&lt;pid&gt;/stat, clock ticks of 1/100 s).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: field 3 is state (index 0), utime is field 14 (index 11), stime field 15 (index 12).
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
