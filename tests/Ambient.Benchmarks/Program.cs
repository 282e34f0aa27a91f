using Ambient.Benchmarks.Gateway;
using BenchmarkDotNet.Running;

// `ingest [options]`: the gateway's end-to-end numbers (a console bench, not BenchmarkDotNet); see IngestBench.
if (args is ["ingest", ..])
{
    return await IngestBench.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(IngestBench).Assembly).Run(args);
return 0;
