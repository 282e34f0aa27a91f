using System.Diagnostics;
using System.Globalization;

namespace Ambient.Language.Tests.Model;

/// <summary>
/// The real (tiny) model every model test runs on: <c>bash gateway/model/smoke.sh DIR</c> (teacher corpus →
/// tokenizer → ~20 training steps → ONNX fp32 → int8 surgery → reference logits → manifest), once per test run.
/// AMBIENT_SMOKE_MODEL_DIR names a finished smoke output to reuse instead (local runs); CI always builds one.
/// </summary>
public sealed class SmokeModelFixture : IDisposable
{
    // Under the 5-minute hang detector of test.sh (--blame-hang-timeout 5m), which would kill the whole test host.
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private readonly bool _owned;

    public SmokeModelFixture()
    {
        var reuse = Environment.GetEnvironmentVariable("AMBIENT_SMOKE_MODEL_DIR");
        if (!string.IsNullOrEmpty(reuse) && System.IO.File.Exists(Path.Combine(reuse, "manifest.json")))
        {
            Directory = reuse;
            Succeeded = true;
            Log = $"reused {reuse} (AMBIENT_SMOKE_MODEL_DIR)";
            return;
        }

        Directory = System.IO.Directory.CreateTempSubdirectory("ambient-smoke-").FullName;
        _owned = true;
        var clock = Stopwatch.StartNew();
        var (exit, output, timedOut) = Repo.Run("bash", [Repo.Path("gateway", "model", "smoke.sh"), Directory], Timeout);
        Took = clock.Elapsed;
        Succeeded = exit == 0 && !timedOut;
        Log = timedOut
            ? $"smoke.sh did not finish within {Timeout.TotalMinutes} minutes; its output:\n{output}"
            : string.Create(CultureInfo.InvariantCulture, $"smoke.sh exited {exit} after {Took.TotalSeconds:F0} s; its output:\n{output}");
    }

    public string Directory { get; }

    public bool Succeeded { get; }

    public string Log { get; }

    public TimeSpan Took { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Fails the calling test with smoke.sh's output when there is no model.</summary>
    public void EnsureBuilt() => Assert.True(Succeeded, Log);

    public void Dispose()
    {
        if (_owned)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SmokeModelCollection : ICollectionFixture<SmokeModelFixture>
{
    public const string Name = "smoke model";
}
