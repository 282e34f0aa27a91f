using System.Text.Json;
using Ambient.Protocol;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Ambient.Benchmarks.Protocol;

/// <summary>
/// The planter's telemetry frame through the binary codec, against the same data as JSON through
/// System.Text.Json (the peer: what a text protocol would cost on the gateway for every reading).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class FrameCodecBenchmarks
{
    private readonly TelemetryMessage _telemetry = new()
    {
        BootId = 7, Sequence = 2, Timestamp = 1796112000, SampleOffsets = [0],
        Readings =
        [
            new Reading(0, SensorKind.SoilMoisturePermille, 412), new Reading(0, SensorKind.IlluminanceLux, 1830),
            new Reading(0, SensorKind.TemperatureCentiCelsius, 2150), new Reading(0, SensorKind.HumidityPermille, 473),
        ],
    };

    private readonly byte[] _buffer = new byte[256];
    private byte[] _frame = [];
    private byte[] _json = [];
    private TelemetryJson _dto = new();

    [GlobalSetup]
    public void Setup()
    {
        _frame = FrameEncoder.Encode(_telemetry);
        _dto = TelemetryJson.From(_telemetry);
        _json = JsonSerializer.SerializeToUtf8Bytes(_dto);
        Console.WriteLine($"// telemetry frame: {_frame.Length} bytes binary, {_json.Length} bytes JSON");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Encode")]
    public byte[] Encode_json() => JsonSerializer.SerializeToUtf8Bytes(_dto);

    [Benchmark, BenchmarkCategory("Encode")]
    public int Encode_frame() => FrameEncoder.Encode(_telemetry, _buffer, 0);

    [Benchmark(Baseline = true), BenchmarkCategory("Decode")]
    public TelemetryJson? Decode_json() => JsonSerializer.Deserialize<TelemetryJson>(_json);

    [Benchmark, BenchmarkCategory("Decode")]
    public DecodeResult Decode_frame() => FrameDecoder.Decode(_frame, 0, _frame.Length);

    public sealed class TelemetryJson
    {
        public int Boot { get; set; }

        public long Seq { get; set; }

        public long Ts { get; set; }

        public Dictionary<string, int> Values { get; set; } = [];

        public static TelemetryJson From(TelemetryMessage m) => new()
        {
            Boot = m.BootId, Seq = m.Sequence, Ts = m.Timestamp,
            Values = m.Readings.ToDictionary(r => SensorCatalog.Find(r.Kind).Key, r => r.Value),
        };
    }
}
