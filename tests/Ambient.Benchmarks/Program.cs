using Ambient.Benchmarks.Gateway;
using Ambient.Benchmarks.Language;
using Ambient.Benchmarks.WakeWord;
using BenchmarkDotNet.Running;

// `ingest [options]`: the gateway's end-to-end numbers (a console bench, not BenchmarkDotNet); see IngestBench.
if (args is ["ingest", ..])
{
    return await IngestBench.RunAsync(args[1..]).ConfigureAwait(false);
}

// `wakeword [options]`: wake-word recall, false accepts per hour and CPU through the real detector; see WakeWordBench.
if (args is ["wakeword", ..])
{
    return WakeWordBench.Run(args[1..]);
}

// `language [options]`: ms per greeting with and without the KV cache on one core; see LanguageBench.
if (args is ["language", ..])
{
    return LanguageBench.Run(args[1..]);
}

// `dashboard [--rounds 30]`: first load and chart endpoint on 30 days × 5 planters; see DashboardBench.
if (args is ["dashboard", ..])
{
    return await Ambient.Benchmarks.Dashboard.DashboardBench.RunAsync(args[1..]).ConfigureAwait(false);
}

// `voice [--rounds 30]`: reminder due → first speech chunk at the earbud, TTS and downlink bytes; see VoiceBench.
if (args is ["voice", ..])
{
    return await Ambient.Benchmarks.Voice.VoiceBench.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(IngestBench).Assembly).Run(args);
return 0;
