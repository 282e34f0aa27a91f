using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Voice;
using Ambient.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;

namespace Ambient.Benchmarks.Voice;

/// <summary>
/// <c>dotnet run -c Release --project tests/Ambient.Benchmarks -- voice [--rounds 30]</c>: the time from a reminder
/// falling due to the first speech chunk arriving at the earbud, on the whole gateway (AddGateway: calendar from an
/// .ics file, reminder scheduler, espeak-ng, resampling, ADPCM, the embedded MQTTnet broker) and an MQTT 3.1.1
/// client standing in for the earbud's radio on loopback. Each round one reminder falls due on the gateway's clock
/// and the scheduler ticks; the clock starts when the tick starts (planning, the SQLite claim, writing the
/// sentence, synthesis and sending are all inside) and stops when chunk 0 arrives at the client. Also prints
/// synthesis time (espeak-ng + resampler + ADPCM) per second of speech and the downlink bytes per second of speech
/// (frames, and frames plus MQTT PUBLISH framing).
/// </summary>
internal static class VoiceBench
{
    private const string Earbud = "earbud-bench";

    private static readonly string[] Summaries =
    [
        "Dentist", "Take vitamins", "Call the plumber about the kitchen sink", "Standup", "Pick up Ben from school",
        "Water the basil", "Yoga", "Lunch with Ana at the corner cafe", "Bins out", "Book the train tickets",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args is ["--rounds", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 30;
        var dir = Directory.CreateTempSubdirectory("ambient-voice-bench-").FullName;
        Console.WriteLine($"voice bench: {rounds} reminders, one earbud on loopback; {Environment.ProcessorCount} CPUs; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        try
        {
            var start = DateTimeOffset.UtcNow;
            var clock = new BenchClock(start);
            var ics = Path.Combine(dir, "bench.ics");
            await File.WriteAllTextAsync(ics, Calendar(start, rounds)).ConfigureAwait(false);
            var builder = GatewayHost.CreateBuilder(
            [
                $"--DataDirectory={dir}", "--Broker:Address=127.0.0.1", "--Broker:Port=0", "--Api:Url=http://127.0.0.1:0",
                "--Weather:UseBundledSample=true", "--Logging:LogLevel:Default=Warning",
                "--Calendar:TimeZone=Europe/Berlin", "--Calendar:Calendars:0:Name=bench", $"--Calendar:Calendars:0:Path={ics}",
                "--Calendar:Calendars:0:LeadTime=00:10:00",
                // The bench ticks the scheduler itself, one due reminder at a time (its own timer waits 5 minutes).
                "--Reminders:TickInterval=00:05:00",
            ]);
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Services.AddStorage(builder.Configuration);
            builder.Services.AddDevices(builder.Configuration);
            builder.Services.AddGateway(builder.Configuration);
            await using var app = builder.Build();
            app.MapGateway();
            await app.StartAsync().ConfigureAwait(false);
            var services = app.Services;
            await services.GetRequiredService<CalendarService>().RefreshAsync().ConfigureAwait(false);
            var secret = services.GetRequiredService<DeviceRegistry>().Add(Earbud, "earbud").Secret;

            var arrivals = new ConcurrentDictionary<ushort, long>();
            var sizes = new ConcurrentBag<(int Frame, int Topic)>();
            using var client = new MqttClientFactory().CreateMqttClient();
            client.ApplicationMessageReceivedAsync += e =>
            {
                var now = Stopwatch.GetTimestamp();
                var result = FrameDecoder.Decode(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
                if (result.IsOk && result.Message is AudioChunkMessage chunk)
                {
                    sizes.Add(((int)e.ApplicationMessage.Payload.Length, e.ApplicationMessage.Topic.Length));
                    if (chunk.Index == 0)
                    {
                        arrivals.TryAdd(chunk.StreamId, now);
                    }
                }

                return Task.CompletedTask;
            };
            var port = services.GetRequiredService<EmbeddedBroker>().Port;
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(Earbud)
                .WithCredentials(Earbud, secret).WithProtocolVersion(MqttProtocolVersion.V311).WithCleanSession(true).Build()).ConfigureAwait(false);
            await client.SubscribeAsync(Topics.DownFilter(Earbud), MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).ConfigureAwait(false);

            var spoken = new ConcurrentQueue<SpokenStream>();
            services.GetRequiredService<SpeechSender>().SpokenAsync += s =>
            {
                spoken.Enqueue(s);
                return Task.CompletedTask;
            };
            var scheduler = services.GetRequiredService<ReminderScheduler>();
            var latencies = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                // Reminder i is due at start + i + 1 minutes (its event starts 10 minutes later); none is due at start,
                // when the scheduler's own first tick runs.
                clock.Set(start + TimeSpan.FromMinutes(i + 1) + TimeSpan.FromSeconds(1));
                var before = spoken.Count;
                var t0 = Stopwatch.GetTimestamp();
                var delivered = await scheduler.TickAsync().ConfigureAwait(false);
                if (delivered != 1 || spoken.Count != before + 1)
                {
                    Console.WriteLine($"round {i}: {delivered} reminders delivered, {spoken.Count - before} spoken");
                    return 1;
                }

                var stream = spoken.Last();
                var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
                long arrived;
                while (!arrivals.TryGetValue(stream.StreamId, out arrived))
                {
                    if (Stopwatch.GetTimestamp() > deadline)
                    {
                        Console.WriteLine($"round {i}: chunk 0 of stream {stream.StreamId} never arrived");
                        return 1;
                    }

                    await Task.Delay(1).ConfigureAwait(false);
                }

                // The first rounds warm up the JIT, SQLite and the broker; they are not counted.
                if (i >= 3)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(t0, arrived).TotalMilliseconds);
                }
            }

            var streams = spoken.Skip(3).ToList();
            var speechSeconds = streams.Sum(s => s.SpeechDuration.TotalSeconds);
            var frameBytes = streams.Sum(s => s.FrameBytes);
            var chunks = streams.Sum(s => s.Chunks);
            var perSize = sizes.ToList();
            var topic = perSize[0].Topic;
            // MQTT 3.1.1 PUBLISH at QoS 1: 1 byte type, 2 of remaining length (for 128–16383), 2 + topic, 2 of packet id.
            var mqttBytes = frameBytes + (chunks * (1 + 2 + 2 + topic + 2));
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reminder due → first chunk at the earbud: median {Percentile(latencies, 0.5):F1} ms, p90 {Percentile(latencies, 0.9):F1} ms, max {latencies[^1]:F1} ms ({latencies.Count} rounds after 3 warm-up)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"synthesis (espeak-ng + resample + ADPCM): {streams.Sum(s => s.SynthesisMilliseconds) / speechSeconds:F1} ms per second of speech ({speechSeconds / streams.Count:F2} s of speech per reminder on average)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"downlink: {frameBytes / speechSeconds:F0} B/s of speech in frames, {mqttBytes / speechSeconds:F0} B/s with MQTT PUBLISH framing ({chunks / speechSeconds:F1} chunks/s)"));
            await client.DisconnectAsync().ConfigureAwait(false);
            await app.StopAsync().ConfigureAwait(false);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];

    private static string Calendar(DateTimeOffset start, int rounds)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ambient bench//EN" };
        for (var i = 0; i < rounds; i++)
        {
            var at = (start + TimeSpan.FromMinutes(11 + i)).UtcDateTime;
            lines.AddRange(
            [
                "BEGIN:VEVENT", $"UID:bench-{i}@ambient",
                string.Create(CultureInfo.InvariantCulture, $"DTSTART:{at:yyyyMMdd'T'HHmmss'Z'}"),
                string.Create(CultureInfo.InvariantCulture, $"DTEND:{at.AddMinutes(30):yyyyMMdd'T'HHmmss'Z'}"),
                $"SUMMARY:{Summaries[i % Summaries.Length]}", "END:VEVENT",
            ]);
        }

        lines.Add("END:VCALENDAR");
        return string.Join("\r\n", lines) + "\r\n";
    }

    /// <summary>The gateway's clock, moved by the bench so that exactly one reminder is due per round.</summary>
    private sealed class BenchClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    }
}
