using System.Diagnostics;
using System.Globalization;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ambient.Benchmarks.Gateway;

/// <summary>
/// <c>dotnet run -c Release --project tests/Ambient.Benchmarks -- ingest</c>: the gateway's end-to-end numbers.
/// <list type="number">
/// <item>QoS 1 ingest into SQLite through the embedded broker, then the same through Mosquitto (external mode,
/// persistent session, manual PUBACK to Mosquitto after commit), each over a fixed window after a warm-up; the row
/// count is checked afterwards (every acknowledged message stored).</item>
/// <item>publish→PUBACK latency through the embedded broker at a paced offered load.</item>
/// <item>the gateway's VmRSS with N devices connected and idle.</item>
/// </list>
/// The gateway is the built Ambient.Gateway.dll as a child process with a temporary data directory. Devices are
/// provisioned straight into its registry before it starts, all with the same secret hashed once with the
/// production Argon2id parameters (every device still costs one full verification on its first CONNECT: the
/// authenticator caches per device id). Connection set-up is timed apart from the measured windows.
/// </summary>
internal static class IngestBench
{
    private const string GatewayUser = "ambient-gateway";
    private const string GatewaySecret = "bench-gateway-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        var o = BenchOptions.Parse(args);
        if (o is null)
        {
            await Console.Error.WriteLineAsync(BenchOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest bench: {o.Clients} publishers × {o.InFlight} in flight, {o.Warmup}s warm-up + {o.Seconds}s window; latency at {o.Rate} msg/s for {o.LatencySeconds}s; memory with {o.Devices} devices (Argon2id t={o.ConnectIterations}); {Environment.ProcessorCount} CPUs"));
        var total = Stopwatch.StartNew();
        Console.WriteLine($"load average at the start: {File.ReadAllText("/proc/loadavg").Trim()}");
        var secret = "bench-secret-" + Guid.NewGuid().ToString("N");
        var hash = new SecretHasher(Options.Create(new DevicesOptions())).Hash(secret);
        var root = Directory.CreateTempSubdirectory("ambient-bench-").FullName;
        try
        {
            if (o.MemoryOnly)
            {
                var only = await MemoryAsync(o, Path.Combine(root, "memory"), secret,
                    new SecretHasher(Options.Create(new DevicesOptions { Argon2Iterations = o.ConnectIterations })).Hash(secret)).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"memory: VmRSS {only.Idle:F0} MiB idle, {only.Rss:F0} MiB with {only.Devices:N0} devices connected (peak {only.Peak:F0} MiB)"));
                return 0;
            }

            if (o.MosquittoOnly)
            {
                var alone = await MosquittoThroughputAsync(o, Path.Combine(root, "mosquitto"), secret, hash).ConfigureAwait(false);
                return alone.Verified ? 0 : 1;
            }

            var embedded = await EmbeddedThroughputAndLatencyAsync(o, Path.Combine(root, "embedded"), secret, hash).ConfigureAwait(false);
            var external = await MosquittoThroughputAsync(o, Path.Combine(root, "mosquitto"), secret, hash).ConfigureAwait(false);
            // Same Argon2id memory cost as production (the allocation on every first CONNECT is what RSS sees), fewer
            // iterations by default so 1,000 first connects fit the run; --connect-iterations 2 is production.
            var memoryHash = new SecretHasher(Options.Create(new DevicesOptions { Argon2Iterations = o.ConnectIterations })).Hash(secret);
            var memory = await MemoryAsync(o, Path.Combine(root, "memory"), secret, memoryHash).ConfigureAwait(false);
            Report(o, embedded.Throughput, external, embedded.Latency, memory);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole run: {total.Elapsed.TotalSeconds:F0} s; load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}"));
            return embedded.Throughput.Verified && external.Verified ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(Throughput Throughput, Latency Latency)> EmbeddedThroughputAndLatencyAsync(BenchOptions o, string dir, string secret, string hash)
    {
        var ids = Provision(dir, "bench-e", o.Clients, hash);
        var port = FreePort.Next();
        using var gateway = await GatewayChild.StartAsync(dir, "Embedded MQTT broker listening",
            "--Broker:Address=127.0.0.1", string.Create(CultureInfo.InvariantCulture, $"--Broker:Port={port}")).ConfigureAwait(false);
        var (publishers, connect) = await ConnectAllAsync(port, ids, secret, 4).ConfigureAwait(false);
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedded: {publishers.Count} publishers connected in {connect.TotalSeconds:F1} s (Argon2id on first CONNECT)"));
            var throughput = await MeasureThroughputAsync("embedded", o, dir, publishers, gateway, null, ackMeansStored: true).ConfigureAwait(false);
            var latency = await MeasureLatencyAsync(o, publishers).ConfigureAwait(false);
            return (throughput, latency);
        }
        finally
        {
            await DisconnectAllAsync(publishers).ConfigureAwait(false);
        }
    }

    private static async Task<Throughput> MosquittoThroughputAsync(BenchOptions o, string dir, string secret, string hash)
    {
        var ids = Provision(dir, "bench-m", o.Clients, hash);
        var users = ids.ToDictionary(id => id, _ => secret);
        users[GatewayUser] = GatewaySecret;
        // An unbounded queue for the gateway's session, so that a backlog is never silently dropped.
        using var mosquitto = await Mosquitto.StartAsync(users, maxQueuedMessages: 0).ConfigureAwait(false);
        using var gateway = await GatewayChild.StartAsync(dir, "Connected to external broker",
            "--Broker:Mode=External",
            "--Broker:Address=127.0.0.1",
            string.Create(CultureInfo.InvariantCulture, $"--Broker:Port={FreePort.Next()}"),
            "--Broker:External:Host=127.0.0.1",
            string.Create(CultureInfo.InvariantCulture, $"--Broker:External:Port={mosquitto.Port}"),
            $"--Broker:External:UserName={GatewayUser}",
            $"--Broker:External:Password={GatewaySecret}").ConfigureAwait(false);
        var (publishers, connect) = await ConnectAllAsync(mosquitto.Port, ids, secret, 4).ConfigureAwait(false);
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mosquitto: {publishers.Count} publishers connected in {connect.TotalSeconds:F1} s"));
            return await MeasureThroughputAsync("mosquitto", o, dir, publishers, gateway, mosquitto.ProcessId, ackMeansStored: false).ConfigureAwait(false);
        }
        finally
        {
            await DisconnectAllAsync(publishers).ConfigureAwait(false);
        }
    }

    private static async Task<Memory> MemoryAsync(BenchOptions o, string dir, string secret, string hash)
    {
        var ids = Provision(dir, "bench-d", o.Devices, hash);
        var port = FreePort.Next();
        using var gateway = await GatewayChild.StartAsync(dir, "Embedded MQTT broker listening",
            "--Broker:Address=127.0.0.1", string.Create(CultureInfo.InvariantCulture, $"--Broker:Port={port}"),
            string.Create(CultureInfo.InvariantCulture, $"--Broker:MaxConnections={Math.Max(256, o.Devices + 16)}")).ConfigureAwait(false);
        await Task.Delay(2000).ConfigureAwait(false);
        var idle = gateway.Memory().Rss;
        var (devices, connect) = await ConnectAllAsync(port, ids, secret, 8).ConfigureAwait(false);
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: {devices.Count} devices connected in {connect.TotalSeconds:F1} s"));
            await Task.Delay(5000).ConfigureAwait(false);
            var (rss, peak) = gateway.Memory();
            return new Memory(devices.Count, connect, idle, rss, peak);
        }
        finally
        {
            await DisconnectAllAsync(devices).ConfigureAwait(false);
        }
    }

    private static async Task<Throughput> MeasureThroughputAsync(string name, BenchOptions o, string dir, List<Publisher> publishers, GatewayChild gateway, int? brokerPid, bool ackMeansStored)
    {
        var database = Path.Combine(dir, "ambient.db");
        long acked = 0;
        using var stop = new CancellationTokenSource();
        var loops = publishers.Select(p => Task.Run(async () =>
        {
            using var window = new SemaphoreSlim(o.InFlight);
            var pending = new List<Task>();
            while (!stop.IsCancellationRequested)
            {
                await window.WaitAsync().ConfigureAwait(false);
                pending.Add(Send());
                if (pending.Count > 4 * o.InFlight)
                {
                    pending.RemoveAll(t => t.IsCompletedSuccessfully);
                }
            }

            await Task.WhenAll(pending).ConfigureAwait(false);

            async Task Send()
            {
                try
                {
                    await p.PublishNextAsync().ConfigureAwait(false);
                    Interlocked.Increment(ref acked);
                }
                finally
                {
                    window.Release();
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(o.Warmup)).ConfigureAwait(false);
        var rows0 = CountRows(database);
        var acked0 = Interlocked.Read(ref acked);
        var cpu0 = gateway.CpuSeconds();
        var broker0 = brokerPid is { } b0 ? CpuSeconds(b0) : 0;
        var self0 = Environment.CpuUsage.TotalTime.TotalSeconds;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(o.Seconds)).ConfigureAwait(false);
        var rows1 = CountRows(database);
        var acked1 = Interlocked.Read(ref acked);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = gateway.CpuSeconds() - cpu0;
        var brokerCpu = brokerPid is { } b1 ? CpuSeconds(b1) - broker0 : 0;
        var selfCpu = Environment.CpuUsage.TotalTime.TotalSeconds - self0;
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        var total = Interlocked.Read(ref acked);

        // Embedded: PUBACK is sent after the commit, so every acknowledged frame must already be a row. Mosquitto:
        // its PUBACK means only that Mosquitto has it; wait for the gateway to drain the backlog.
        var drain = Stopwatch.StartNew();
        var stored = CountRows(database);
        while (!ackMeansStored && stored < total && drain.Elapsed < TimeSpan.FromSeconds(o.Drain))
        {
            await Task.Delay(100).ConfigureAwait(false);
            stored = CountRows(database);
        }

        var result = new Throughput(name, (acked1 - acked0) / seconds, (rows1 - rows0) / seconds, total, stored,
            ackMeansStored ? TimeSpan.Zero : drain.Elapsed, cpu / seconds, brokerCpu / seconds, selfCpu / seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {result.AckedPerSecond:F0} PUBACK/s, {result.StoredPerSecond:F0} rows/s; {total} acknowledged, {stored} stored{(ackMeansStored ? "" : $" (drained in {drain.Elapsed.TotalSeconds:F1} s)")}; gateway CPU {result.GatewayCores:F2} cores{(brokerPid is null ? "" : $", mosquitto {result.BrokerCores:F2}")}"));
        if (!result.Verified)
        {
            Console.WriteLine($"{name}: ROW COUNT MISMATCH; gateway log:\n{gateway.Output()}");
        }

        return result;
    }

    private static async Task<Latency> MeasureLatencyAsync(BenchOptions o, List<Publisher> publishers)
    {
        var count = o.Rate * (o.LatencySeconds + 1);
        var warmup = o.Rate; // the first second is not counted
        var latencies = new long[count];
        var tasks = new Task[count];
        var clock = Stopwatch.StartNew();
        var maxLag = 0.0;
        var sent = 0;
        while (sent < count)
        {
            var due = Math.Min(count, (int)(clock.Elapsed.TotalSeconds * o.Rate) + 1);
            maxLag = Math.Max(maxLag, (due - sent) / (double)o.Rate);
            for (; sent < due; sent++)
            {
                var i = sent;
                tasks[i] = Record(publishers[i % publishers.Count], i);
            }

            await Task.Delay(1).ConfigureAwait(false);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        var offered = count / clock.Elapsed.TotalSeconds;
        var ms = latencies[warmup..].Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var result = new Latency(o.Rate, ms.Length, Percentile(ms, 0.50), Percentile(ms, 0.99), ms[^1], maxLag * 1000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency: {ms.Length} PUBACKs at {o.Rate} msg/s offered over {publishers.Count} clients: p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, max {result.Max:F1} ms (scheduler lag up to {result.SchedulerLag:F1} ms)"));
        return result;

        async Task Record(Publisher publisher, int i) => latencies[i] = await publisher.PublishNextAsync().ConfigureAwait(false);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static List<string> Provision(string dir, string prefix, int count, string hash)
    {
        Directory.CreateDirectory(dir);
        var database = new Database(Options.Create(new StorageOptions { DatabasePath = Path.Combine(dir, "ambient.db") }), [new DeviceSchemaForBench()]);
        var ids = Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D4}")).ToList();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO devices (id, kind, secret_hash, created) VALUES ($id, 'planter', $hash, unixepoch())";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.AddWithValue("$hash", hash);
        foreach (var device in ids)
        {
            id.Value = device;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return ids;
    }

    private static async Task<(List<Publisher> Publishers, TimeSpan Elapsed)> ConnectAllAsync(int port, List<string> ids, string secret, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        var publishers = new Publisher[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
            publishers[i] = await Publisher.ConnectAsync(port, ids[i], secret, (ushort)(1 + i % 60000)).ConfigureAwait(false)).ConfigureAwait(false);
        return ([.. publishers], clock.Elapsed);
    }

    private static async Task DisconnectAllAsync(List<Publisher> publishers)
    {
        await Parallel.ForEachAsync(publishers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (p, _) =>
        {
            try
            {
                await p.DisconnectAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Tear-down: the gateway may already be gone.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            p.Dispose();
        }).ConfigureAwait(false);
    }

    private static long CountRows(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM readings";
        return (long)command.ExecuteScalar()!;
    }

    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static void Report(BenchOptions o, Throughput embedded, Throughput mosquitto, Latency latency, Memory memory)
    {
        static string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        static string Mark(bool ok) => ok ? "met" : "MISSED";
        var ratio = embedded.StoredPerSecond / mosquitto.StoredPerSecond;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Measure | Embedded broker | Mosquitto (external mode) | Ratio (embedded ÷ Mosquitto) | Goal |"));
        Console.WriteLine("|---|---:|---:|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| QoS 1 frames stored/s ({o.Clients} clients × {o.InFlight} in flight, {o.Seconds} s window) | {F(embedded.StoredPerSecond)} | {F(mosquitto.StoredPerSecond)} | {ratio:F2} | ≥ 20,000/s: embedded {Mark(embedded.StoredPerSecond >= 20000)}, Mosquitto {Mark(mosquitto.StoredPerSecond >= 20000)}; embedded ≥ Mosquitto: {Mark(ratio >= 1)} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| PUBACKs/s seen by the publishers | {F(embedded.AckedPerSecond)} | {F(mosquitto.AckedPerSecond)} | {embedded.AckedPerSecond / mosquitto.AckedPerSecond:F2} | (Mosquitto's PUBACK precedes the gateway's commit) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Acknowledged / stored after the run | {embedded.Acknowledged:N0} / {embedded.Stored:N0} | {mosquitto.Acknowledged:N0} / {mosquitto.Stored:N0} (drain {mosquitto.Drain.TotalSeconds:F1} s) | | every acknowledged frame stored: {Mark(embedded.Verified && mosquitto.Verified)} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| CPU in the window (cores): gateway / publishers (this process) | {embedded.GatewayCores:F2} / {embedded.ClientCores:F2} | {mosquitto.GatewayCores:F2} / {mosquitto.ClientCores:F2} (+ Mosquitto {mosquitto.BrokerCores:F2}) | | |"));
        // The machine-independent figure: what one stored frame costs the gateway, whatever the publishers took.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Gateway CPU per stored frame | {embedded.GatewayCores / embedded.StoredPerSecond * 1e6:F0} µs | {mosquitto.GatewayCores / mosquitto.StoredPerSecond * 1e6:F0} µs (+ Mosquitto {mosquitto.BrokerCores / mosquitto.StoredPerSecond * 1e6:F0} µs) | | (20k/s on 2 cores shared with the publishers needs well under 100 µs) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Publish→PUBACK at {o.Rate} msg/s offered: p50 / p99 / max | {latency.P50:F2} / {latency.P99:F2} / {latency.Max:F1} ms ({latency.Samples:N0} samples) | | | p99 < 50 ms: {Mark(latency.P99 < 50)} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Gateway VmRSS: started, no device / {memory.Devices:N0} devices connected (peak VmHWM) | {memory.Idle:F0} MiB / {memory.Rss:F0} MiB ({memory.Peak:F0} MiB) | | | < 300 MB: {Mark(memory.Rss * 1.048576 < 300)} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Connection set-up, {memory.Devices:N0} devices (Argon2id m=19456 KiB t={o.ConnectIterations}, 2 at a time) | {memory.Connect.TotalSeconds:F1} s = {memory.Connect.TotalMilliseconds / memory.Devices:F0} ms/device | | | (outside the measured windows) |"));
    }

    private sealed record Throughput(string Name, double AckedPerSecond, double StoredPerSecond, long Acknowledged, long Stored, TimeSpan Drain, double GatewayCores, double BrokerCores, double ClientCores)
    {
        public bool Verified => Stored == Acknowledged;
    }

    private sealed record Latency(int Rate, int Samples, double P50, double P99, double Max, double SchedulerLag);

    private sealed record Memory(int Devices, TimeSpan Connect, double Idle, double Rss, double Peak);

    private sealed class DeviceSchemaForBench : ISchema
    {
        private readonly DeviceSchema _schema = new();

        public int Order => _schema.Order;

        public string Ddl => _schema.Ddl;
    }
}
