using Microsoft.ML.OnnxRuntime;

namespace Ambient.Language.Model;

/// <summary>
/// One long-lived ONNX Runtime session over the decoder of README §4 and the state of one sequence: its KV cache.
/// <see cref="Feed"/> runs only the new tokens against the cache and returns their logits. The cache is one buffer
/// per layer and K/V, [1, H, cache length, D], allocated and wrapped once; each run binds it as both past and present,
/// so the graph's GroupQueryAttention writes the new tokens' keys and values into it in place and nothing is copied
/// or allocated per token but the ids, positions and logits wrappers. With <see cref="NoCache"/> every call
/// recomputes the whole sequence from position 0 (the benchmark's baseline). Not thread-safe: one sequence at a time.
/// </summary>
internal sealed class OnnxLanguageModel : IDisposable
{
    private const string LogitsName = "logits";

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[] _outputs;
    private readonly long[] _ids;
    private readonly long[] _positions;
    private readonly float[] _logits;
    private readonly int[] _history;
    private readonly float[][] _cache;
    private readonly int[] _seqlensK = new int[1];
    private readonly int[] _totalLength = new int[1];
    private readonly int _cacheLength;

    // The wrappers of a one-token run (ids, positions, logits), made once: that is every generated token's run.
    private readonly OrtValue[] _oneToken = new OrtValue[3];
    private float[][]? _saved;
    private int _savedLength = -1;

    private OnnxLanguageModel(InferenceSession session, int contextLength, bool noCache, int vocabSizeHint)
    {
        _session = session;
        NoCache = noCache;
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

        if (!inputs.ContainsKey("seqlens_k") || !inputs.ContainsKey("total_sequence_length"))
        {
            throw new InvalidDataException("the model has no seqlens_k and total_sequence_length inputs: it is a traced export from before the in-place KV cache; write it again with gateway/model/regraph.py");
        }

        var kv = inputs["past_key_0"].Dimensions;
        if (kv.Length != 4 || kv[1] <= 0 || kv[2] <= 0 || kv[3] <= 0)
        {
            throw new InvalidDataException($"past_key_0 has shape [{string.Join(",", kv)}]; expected [1,H,T,D] with fixed H, cache length T and D");
        }

        Heads = kv[1];
        _cacheLength = kv[2];
        HeadDim = kv[3];
        if (contextLength > _cacheLength)
        {
            throw new InvalidDataException($"the context is {contextLength} tokens but the model's cache holds {_cacheLength}");
        }

        ContextLength = contextLength;
        var logitsDims = session.OutputMetadata[LogitsName].Dimensions;
        VocabSize = logitsDims.Length == 3 && logitsDims[2] > 0 ? logitsDims[2] : vocabSizeHint;
        if (VocabSize <= 0)
        {
            throw new InvalidDataException("the model's logits have no fixed vocabulary dimension and no tokenizer size was given");
        }

        _inputNames = new string[4 + (2 * Layers)];
        _outputNames = new string[1 + (2 * Layers)];
        _inputNames[0] = "input_ids";
        _inputNames[1] = "position_ids";
        _inputNames[^2] = "seqlens_k";
        _inputNames[^1] = "total_sequence_length";
        _outputNames[0] = LogitsName;
        for (var l = 0; l < Layers; l++)
        {
            _inputNames[2 + (2 * l)] = $"past_key_{l}";
            _inputNames[3 + (2 * l)] = $"past_value_{l}";
            _outputNames[1 + (2 * l)] = $"present_key_{l}";
            _outputNames[2 + (2 * l)] = $"present_value_{l}";
        }

        _ids = new long[contextLength];
        _positions = new long[contextLength];
        _logits = new float[contextLength * VocabSize];
        _history = new int[contextLength];
        _inputs = new OrtValue[_inputNames.Length];
        _outputs = new OrtValue[_outputNames.Length];
        _cache = new float[2 * Layers][];
        var memory = OrtMemoryInfo.DefaultInstance;
        long[] cacheShape = [1, Heads, _cacheLength, HeadDim];
        try
        {
            for (var i = 0; i < 2 * Layers; i++)
            {
                // Past and present are two wrappers over the same memory: that sameness is what tells the attention
                // op to update the cache in place.
                _cache[i] = new float[Heads * _cacheLength * HeadDim];
                _inputs[2 + i] = OrtValue.CreateTensorValueFromMemory(memory, _cache[i].AsMemory(), cacheShape);
                _outputs[1 + i] = OrtValue.CreateTensorValueFromMemory(memory, _cache[i].AsMemory(), cacheShape);
            }

            _oneToken[0] = OrtValue.CreateTensorValueFromMemory(memory, _ids.AsMemory(0, 1), [1, 1]);
            _oneToken[1] = OrtValue.CreateTensorValueFromMemory(memory, _positions.AsMemory(0, 1), [1, 1]);
            _oneToken[2] = OrtValue.CreateTensorValueFromMemory(memory, _logits.AsMemory(0, VocabSize), [1, 1, VocabSize]);
            _inputs[^2] = OrtValue.CreateTensorValueFromMemory(memory, _seqlensK.AsMemory(), [1]);
            _inputs[^1] = OrtValue.CreateTensorValueFromMemory(memory, _totalLength.AsMemory(), []);
        }
        catch
        {
            DisposeAll(_inputs);
            DisposeAll(_outputs);
            DisposeAll(_oneToken);
            throw;
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
        var start = NoCache ? 0 : Length;
        var count = Length + tokens.Length - start;
        Run(start, count);
        Length += tokens.Length;
        return _logits.AsSpan((count - tokens.Length) * VocabSize, tokens.Length * VocabSize);
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

        _saved ??= [.. _cache.Select(b => new float[b.Length])];
        CopyPositions(_cache, _saved, Length);
        _savedLength = Length;
    }

    /// <summary>Back to the sequence as <see cref="Save"/> left it; false when nothing was saved.</summary>
    public bool Restore()
    {
        if (_saved is null || _savedLength < 0)
        {
            return false;
        }

        CopyPositions(_saved, _cache, _savedLength);
        Length = _savedLength;
        return true;
    }

    /// <summary>
    /// Drops the tokens after the first <paramref name="length"/> (the decoder's guide going back a few tokens). The
    /// cache keeps every position at its own slot, so the next run simply overwrites what lies past the new length.
    /// </summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        Length = length;
    }

    /// <summary>The logits after the last fed token.</summary>
    public ReadOnlySpan<float> FeedLast(scoped ReadOnlySpan<int> tokens) => Feed(tokens)[^VocabSize..];

    public void Dispose()
    {
        DisposeAll(_inputs);
        DisposeAll(_outputs);
        DisposeAll(_oneToken);
        _runOptions.Dispose();
        _session.Dispose();
    }

    /// <summary>
    /// Runs <c>_history[start..start+count]</c> at positions <c>start…</c> against the first <c>start</c> cached
    /// positions (always 0 without the cache); their keys and values land in the cache at those positions.
    /// </summary>
    private void Run(int start, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ids[i] = _history[start + i];
            _positions[i] = start + i;
        }

        _seqlensK[0] = start + count - 1;
        _totalLength[0] = start + count;
        // A one-token run (every generated token) borrows the wrappers made once; a longer one makes its own.
        var owned = count > 1;
        try
        {
            if (owned)
            {
                var memory = OrtMemoryInfo.DefaultInstance;
                long[] tokenShape = [1, count];
                _inputs[0] = OrtValue.CreateTensorValueFromMemory(memory, _ids.AsMemory(0, count), tokenShape);
                _inputs[1] = OrtValue.CreateTensorValueFromMemory(memory, _positions.AsMemory(0, count), tokenShape);
                _outputs[0] = OrtValue.CreateTensorValueFromMemory(memory, _logits.AsMemory(0, count * VocabSize), [1, count, VocabSize]);
            }
            else
            {
                (_inputs[0], _inputs[1], _outputs[0]) = (_oneToken[0], _oneToken[1], _oneToken[2]);
            }

            _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
        }
        finally
        {
            if (owned)
            {
                _inputs[0]?.Dispose();
                _inputs[1]?.Dispose();
                _outputs[0]?.Dispose();
            }

            // Dispose must not see the borrowed ones, nor a later run the disposed ones.
            _inputs[0] = _inputs[1] = _outputs[0] = null!;
        }
    }

    /// <summary>The first <paramref name="length"/> positions of every head of every buffer.</summary>
    private void CopyPositions(float[][] from, float[][] to, int length)
    {
        var floats = length * HeadDim;
        for (var i = 0; i < from.Length; i++)
        {
            for (var h = 0; h < Heads; h++)
            {
                var offset = h * _cacheLength * HeadDim;
                from[i].AsSpan(offset, floats).CopyTo(to[i].AsSpan(offset));
            }
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
