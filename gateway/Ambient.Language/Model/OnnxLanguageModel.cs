using Microsoft.ML.OnnxRuntime;

namespace Ambient.Language.Model;

/// <summary>
/// One long-lived ONNX Runtime session over the decoder of README §4 and the state of one sequence: its KV cache.
/// <see cref="Feed"/> runs only the new tokens against the cache (<c>present_*</c> of one run are the <c>past_*</c> of
/// the next) and returns their logits. The cache lives in two ping-pong buffers per layer and K/V, allocated once at
/// the context length; ORT reads the past from one and writes the present straight into the other (caller-owned
/// outputs), so a step allocates nothing but the small OrtValue wrappers. With <see cref="NoCache"/> every call
/// recomputes the whole sequence from position 0 (the benchmark's baseline). Not thread-safe: one sequence at a time.
/// </summary>
internal sealed class OnnxLanguageModel : IDisposable
{
    private const string LogitsName = "logits";

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly string[] _logitsOnly = [LogitsName];
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[] _outputs;
    private readonly OrtValue[] _logitsOutput = new OrtValue[1];
    private readonly long[] _ids;
    private readonly long[] _positions;
    private readonly float[] _logits;
    private readonly int[] _history;
    private float[][] _past;
    private float[][] _present;
    private float[][]? _saved;
    private int _savedLength = -1;

    private OnnxLanguageModel(InferenceSession session, int contextLength, bool noCache, int vocabSizeHint)
    {
        _session = session;
        NoCache = noCache;
        ContextLength = contextLength;
        var inputs = session.InputMetadata;
        Layers = 0;
        while (inputs.ContainsKey($"past_key_{Layers}") && inputs.ContainsKey($"past_value_{Layers}"))
        {
            Layers++;
        }

        if (Layers == 0 || !inputs.ContainsKey("input_ids") || !inputs.ContainsKey("position_ids") || !session.OutputMetadata.ContainsKey(LogitsName))
        {
            throw new InvalidDataException("the model does not have README §4's inputs (input_ids, position_ids, past_key_i, past_value_i) and logits output");
        }

        var kv = inputs["past_key_0"].Dimensions;
        if (kv.Length != 4 || kv[1] <= 0 || kv[3] <= 0)
        {
            throw new InvalidDataException($"past_key_0 has shape [{string.Join(",", kv)}]; expected [1,H,P,D] with fixed H and D");
        }

        Heads = kv[1];
        HeadDim = kv[3];
        var logitsDims = session.OutputMetadata[LogitsName].Dimensions;
        VocabSize = logitsDims.Length == 3 && logitsDims[2] > 0 ? logitsDims[2] : vocabSizeHint;
        if (VocabSize <= 0)
        {
            throw new InvalidDataException("the model's logits have no fixed vocabulary dimension and no tokenizer size was given");
        }

        _inputNames = new string[2 + (2 * Layers)];
        _outputNames = new string[1 + (2 * Layers)];
        _inputNames[0] = "input_ids";
        _inputNames[1] = "position_ids";
        _outputNames[0] = LogitsName;
        for (var l = 0; l < Layers; l++)
        {
            _inputNames[2 + (2 * l)] = $"past_key_{l}";
            _inputNames[3 + (2 * l)] = $"past_value_{l}";
            _outputNames[1 + (2 * l)] = $"present_key_{l}";
            _outputNames[2 + (2 * l)] = $"present_value_{l}";
        }

        _inputs = new OrtValue[_inputNames.Length];
        _outputs = new OrtValue[_outputNames.Length];
        _ids = new long[contextLength];
        _positions = new long[contextLength];
        _logits = new float[contextLength * VocabSize];
        _history = new int[contextLength];
        var cacheFloats = Heads * contextLength * HeadDim;
        _past = new float[2 * Layers][];
        _present = new float[2 * Layers][];
        for (var i = 0; i < 2 * Layers; i++)
        {
            // Without the cache only zero-length pasts are fed: no buffer worth the memory.
            _past[i] = noCache ? [] : new float[cacheFloats];
            _present[i] = noCache ? [] : new float[cacheFloats];
        }
    }

    public int Layers { get; }

    public int Heads { get; }

    public int HeadDim { get; }

    public int VocabSize { get; }

    /// <summary>The most tokens one sequence may hold (the model's learned positions).</summary>
    public int ContextLength { get; }

    /// <summary>Tokens in the current sequence.</summary>
    public int Length { get; private set; }

    /// <summary>Recompute the whole sequence on every <see cref="Feed"/> instead of using the KV cache.</summary>
    public bool NoCache { get; }

    /// <summary>
    /// The README §4 / small-model.md §4 session: all graph optimizations, one intra-op and one inter-op thread,
    /// sequential, no spinning (the gateway's other work keeps the core between tokens).
    /// </summary>
    public static SessionOptions CreateSessionOptions(string? optimizedModelFilePath = null)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        if (optimizedModelFilePath is not null)
        {
            options.OptimizedModelFilePath = optimizedModelFilePath;
        }

        return options;
    }

    /// <summary>Loads <paramref name="path"/>; throws (OnnxRuntimeException, InvalidDataException) when it cannot.</summary>
    public static OnnxLanguageModel Load(string path, int contextLength, bool noCache = false, int vocabSizeHint = 0, string? optimizedModelFilePath = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contextLength, 2);
        using var options = CreateSessionOptions(optimizedModelFilePath);
        var session = new InferenceSession(path, options);
        try
        {
            return new OnnxLanguageModel(session, contextLength, noCache, vocabSizeHint);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Starts a new sequence (the cache is overwritten, not cleared: nothing reads past <see cref="Length"/>).</summary>
    public void Reset() => Length = 0;

    /// <summary>
    /// Appends <paramref name="tokens"/> to the sequence and returns their logits, <c>[tokens.Length × VocabSize]</c>
    /// row-major. The span is this model's buffer: valid until the next call.
    /// </summary>
    public ReadOnlySpan<float> Feed(scoped ReadOnlySpan<int> tokens)
    {
        if (tokens.IsEmpty)
        {
            throw new ArgumentException("nothing to feed", nameof(tokens));
        }

        if (Length + tokens.Length > ContextLength)
        {
            throw new InvalidOperationException($"the sequence would be {Length + tokens.Length} tokens; the model's context is {ContextLength}");
        }

        tokens.CopyTo(_history.AsSpan(Length));
        if (NoCache)
        {
            var total = Length + tokens.Length;
            Run(start: 0, count: total, withPresents: false);
            Length = total;
            return _logits.AsSpan((total - tokens.Length) * VocabSize, tokens.Length * VocabSize);
        }

        Run(start: Length, count: tokens.Length, withPresents: true);
        (_past, _present) = (_present, _past);
        Length += tokens.Length;
        return _logits.AsSpan(0, tokens.Length * VocabSize);
    }

    /// <summary>
    /// Keeps a copy of the cache as it is now (a prompt just fed), so <see cref="Restore"/> can go back to it instead of
    /// feeding the prompt again (resampling the same facts). Only with the cache.
    /// </summary>
    public void Save()
    {
        if (NoCache)
        {
            throw new InvalidOperationException("without the KV cache there is nothing to save");
        }

        _saved ??= [.. _past.Select(b => new float[b.Length])];
        var floats = Heads * Length * HeadDim;
        for (var i = 0; i < _past.Length; i++)
        {
            _past[i].AsSpan(0, floats).CopyTo(_saved[i]);
        }

        _savedLength = Length;
    }

    /// <summary>Back to the sequence as <see cref="Save"/> left it; false when nothing was saved.</summary>
    public bool Restore()
    {
        if (_saved is null || _savedLength < 0)
        {
            return false;
        }

        var floats = Heads * _savedLength * HeadDim;
        for (var i = 0; i < _past.Length; i++)
        {
            _saved[i].AsSpan(0, floats).CopyTo(_past[i]);
        }

        Length = _savedLength;
        return true;
    }

    /// <summary>
    /// Drops the tokens after the first <paramref name="length"/> (the decoder's guide going back a few tokens). The
    /// cache is laid out [head, position, dim] for the current length, so each head's first positions move down to
    /// where a cache of the shorter length keeps them.
    /// </summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        if (!NoCache && length < Length)
        {
            var keep = length * HeadDim;
            foreach (var buffer in _past)
            {
                // Head 0 is already in place; later heads move down (overlapping copies are safe with spans).
                for (var h = 1; h < Heads; h++)
                {
                    buffer.AsSpan(h * Length * HeadDim, keep).CopyTo(buffer.AsSpan(h * keep));
                }
            }
        }

        Length = length;
    }

    /// <summary>The logits after the last fed token.</summary>
    public ReadOnlySpan<float> FeedLast(scoped ReadOnlySpan<int> tokens) => Feed(tokens)[^VocabSize..];

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    /// <summary>
    /// Runs <c>_history[start..start+count]</c> at positions <c>start…</c> against a past of <c>start</c> tokens
    /// (the cache; always 0 without it). Presents go into the other buffer when asked for, else only logits come back.
    /// </summary>
    private void Run(int start, int count, bool withPresents)
    {
        var past = NoCache ? 0 : start;
        for (var i = 0; i < count; i++)
        {
            _ids[i] = _history[start + i];
            _positions[i] = start + i;
        }

        var memory = OrtMemoryInfo.DefaultInstance;
        long[] tokenShape = [1, count];
        long[] pastShape = [1, Heads, past, HeadDim];
        long[] presentShape = [1, Heads, past + count, HeadDim];
        var pastFloats = Heads * past * HeadDim;
        var presentFloats = Heads * (past + count) * HeadDim;
        try
        {
            _inputs[0] = OrtValue.CreateTensorValueFromMemory(memory, _ids.AsMemory(0, count), tokenShape);
            _inputs[1] = OrtValue.CreateTensorValueFromMemory(memory, _positions.AsMemory(0, count), tokenShape);
            for (var i = 0; i < 2 * Layers; i++)
            {
                _inputs[2 + i] = OrtValue.CreateTensorValueFromMemory(memory, _past[i].AsMemory(0, pastFloats), pastShape);
            }

            var logits = OrtValue.CreateTensorValueFromMemory(memory, _logits.AsMemory(0, count * VocabSize), [1, count, VocabSize]);
            if (withPresents)
            {
                _outputs[0] = logits;
                for (var i = 0; i < 2 * Layers; i++)
                {
                    _outputs[1 + i] = OrtValue.CreateTensorValueFromMemory(memory, _present[i].AsMemory(0, presentFloats), presentShape);
                }

                _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
            }
            else
            {
                _logitsOutput[0] = logits;
                _session.Run(_runOptions, _inputNames, _inputs, _logitsOnly, _logitsOutput);
            }
        }
        finally
        {
            DisposeAll(_inputs);
            DisposeAll(_outputs);
            DisposeAll(_logitsOutput);
        }
    }

    private static void DisposeAll(OrtValue[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i]?.Dispose();
            values[i] = null!;
        }
    }
}
