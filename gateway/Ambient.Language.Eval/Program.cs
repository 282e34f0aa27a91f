using System.Diagnostics;
using Ambient.Language.Eval;

var o = EvalOptions.Parse(args);
if (o is null)
{
    await Console.Error.WriteLineAsync(EvalOptions.Usage).ConfigureAwait(false);
    return 2;
}

if (o.HoldoutFile is { } holdout && !File.Exists(holdout))
{
    await Console.Error.WriteLineAsync($"--holdout {holdout}: no such file. gateway/model/train.sh writes one beside its corpus (out/holdout.jsonl); the teacher writes one with --holdout FILE --holdout-count N").ConfigureAwait(false);
    return 2;
}

var clock = Stopwatch.StartNew();
var examples = o.HoldoutFile is { } file ? HeldOutExample.Load(file, o.Count) : HeldOutExample.Draw(o.Count, o.Seed);
if (examples.Count == 0)
{
    await Console.Error.WriteLineAsync("no held-out examples").ConfigureAwait(false);
    return 1;
}

Console.WriteLine($"eval of {o.ModelDirectory} on {examples.Count} held-out examples ({o.HoldoutFile ?? $"drawn with seed {o.Seed}"})");
var report = Evaluation.Run(o, examples, Console.Out);
EvalTable.Print(report, Console.Out);
if (o.WriteManifest)
{
    var path = Path.Combine(o.ModelDirectory, "manifest.json");
    if (!File.Exists(path))
    {
        await Console.Error.WriteLineAsync($"--write-manifest: no {path} to add metrics.ort to").ConfigureAwait(false);
        return 1;
    }

    EvalManifest.Write(path, report, o);
    Console.WriteLine($"wrote metrics.ort into {path}");
}

Console.WriteLine($"eval took {clock.Elapsed.TotalSeconds:F0} s");
return 0;
