namespace Ambient.Language.Eval;

/// <summary>Everything the eval measured (README goals in <see cref="Program"/>'s table).</summary>
internal sealed record EvalReport
{
    public required string ModelFile { get; init; }

    public required int Examples { get; init; }

    /// <summary>Slot errors of one raw sample per example (constrained decoding on, before the validator).</summary>
    public required SlotErrors RawSlotErrors { get; init; }

    /// <summary>Raw samples that passed the whole validator (and so would be sent as written).</summary>
    public required double RawValidRate { get; init; }

    /// <summary>Tokens the plant-mood guide took back, per raw sample.</summary>
    public required double RawBacktracks { get; init; }

    /// <summary>Share of required slot values that appear in the final text (model or template).</summary>
    /// <summary>Share of raw samples where the decoder resumed an early end that left a plant unnamed.</summary>
    public double RawResumed { get; init; }

    public required double Coverage { get; init; }

    public required double ModelRate { get; init; }

    public required double ResampledRate { get; init; }

    public required double FallbackRate { get; init; }

    /// <summary>Validator problem kinds over all rejected samples, most frequent first.</summary>
    public required IReadOnlyList<(string Kind, int Count)> ProblemKinds { get; init; }

    public required double Distinct2 { get; init; }

    /// <summary>The teacher grammar's distinct-2 on the same facts and sample count (what the model imitates).</summary>
    public required double TeacherDistinct2 { get; init; }

    public required int Distinct2Samples { get; init; }

    /// <summary>distinct-2 of the same samples written one after another, each seeing the <see cref="Memory"/> before it as recent texts.</summary>
    public double? MemoryDistinct2 { get; init; }

    /// <summary>Template share among those texts.</summary>
    public double? MemoryFallbackRate { get; init; }

    public int Memory { get; init; }

    public required double GreetingMedianMs { get; init; }

    public required double GreetingP90Ms { get; init; }

    public required double ValLossFp32 { get; init; }

    public required double ValLossInt8 { get; init; }

    public required long ValTokens { get; init; }

    public required long SizeFp32Bytes { get; init; }

    public required long SizeInt8Bytes { get; init; }

    public double Int8LossDeltaPercent => (ValLossInt8 - ValLossFp32) / ValLossFp32 * 100;

    public double SizeRatio => (double)SizeFp32Bytes / SizeInt8Bytes;
}
