using System.Diagnostics;

namespace Ambient.Gateway.Tests.Support;

/// <summary>
/// The gateway as its own OS process (the Ambient.Gateway.dll next to the tests), so a test can SIGKILL it the way
/// a power cut or the OOM killer would, with no chance to flush or dispose anything.
/// </summary>
public sealed class GatewayProcess : IDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process) => _process = process;

    public static async Task<GatewayProcess> StartAsync(string dataDirectory, int brokerPort)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Ambient.Gateway.dll"),
                $"--DataDirectory={dataDirectory}",
                "--Broker:Address=127.0.0.1",
                $"--Broker:Port={brokerPort}",
                $"--Api:Url=http://127.0.0.1:{FreePort.Next()}",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Ambient.Gateway.Broker=Information",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Embedded MQTT broker listening", StringComparison.Ordinal) == true)
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
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new GatewayProcess(process);
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
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
