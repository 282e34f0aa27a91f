using System.Globalization;

namespace Ambient.Benchmarks.Gateway;

/// <summary>Options of the <c>ingest</c> bench; every one has a default sized for a 2-core machine (~2 min).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: ingest [--clients 32] [--inflight 16] [--warmup 3] [--seconds 10] [--rate 2000] [--latency-seconds 10] [--devices 1000] [--connect-iterations 1] [--memory-only 1] [--mosquitto-only 1] [--drain 300]
        """;

    public int Clients { get; init; } = 32;

    public int InFlight { get; init; } = 16;

    public int Warmup { get; init; } = 3;

    public int Seconds { get; init; } = 10;

    public int Rate { get; init; } = 2000;

    public int LatencySeconds { get; init; } = 10;

    public int Devices { get; init; } = 1000;

    /// <summary>Argon2id iterations of the memory phase's device secrets (production: 2; same memory cost).</summary>
    public int ConnectIterations { get; init; } = 1;

    /// <summary>Only the memory phase (a minute instead of three, for trying memory settings).</summary>
    public bool MemoryOnly { get; init; }

    /// <summary>Only the Mosquitto throughput phase.</summary>
    public bool MosquittoOnly { get; init; }

    /// <summary>Seconds the Mosquitto phase waits for the gateway to store what Mosquitto acknowledged.</summary>
    public int Drain { get; init; } = 300;

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1)
            {
                return null;
            }

            o = args[i] switch
            {
                "--clients" => o with { Clients = v },
                "--inflight" => o with { InFlight = v },
                "--warmup" => o with { Warmup = v },
                "--seconds" => o with { Seconds = v },
                "--rate" => o with { Rate = v },
                "--latency-seconds" => o with { LatencySeconds = v },
                "--devices" => o with { Devices = v },
                "--connect-iterations" => o with { ConnectIterations = v },
                "--memory-only" => o with { MemoryOnly = v == 1 },
                "--mosquitto-only" => o with { MosquittoOnly = v == 1 },
                "--drain" => o with { Drain = v },
                _ => null,
            };
            if (o is null)
            {
                return null;
            }
        }

        return o;
    }
}
