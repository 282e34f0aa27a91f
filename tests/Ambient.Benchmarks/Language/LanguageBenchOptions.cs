using System.Globalization;

namespace Ambient.Benchmarks.Language;

/// <summary>Options of the <c>language</c> bench; defaults take well under a minute on one core with the release model.</summary>
internal sealed record LanguageBenchOptions
{
    public const string Usage = """
        usage: language [--model DIR] [--count 60] [--warmup 10] [--seed 7] [--fp32]
          --model DIR   tokenizer.json + model.int8.onnx (+ model.fp32.onnx, manifest.json); default: the model/ folder
                        the library copies beside this program (gateway/model/release)
        """;

    public string ModelDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "model");

    /// <summary>Greetings measured (different facts, each with its own seed).</summary>
    public int Count { get; init; } = 60;

    public int Warmup { get; init; } = 10;

    public int Seed { get; init; } = 7;

    public bool Fp32 { get; init; }

    public static LanguageBenchOptions? Parse(IReadOnlyList<string> args)
    {
        var o = new LanguageBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--fp32")
            {
                o = o with { Fp32 = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[++i];
            if (args[i - 1] == "--model")
            {
                o = o with { ModelDirectory = value };
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1)
            {
                return null;
            }

            o = args[i - 1] switch
            {
                "--count" => o with { Count = v },
                "--warmup" => o with { Warmup = v },
                "--seed" => o with { Seed = v },
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
