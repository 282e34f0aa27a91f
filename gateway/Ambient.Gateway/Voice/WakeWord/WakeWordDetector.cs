using Microsoft.ML.OnnxRuntime;

namespace Ambient.Gateway.Voice.WakeWord;

/// <summary>
/// The wake-word model (gateway/model/wakeword: log-mel front end and a small CNN in one ONNX graph, raw 16 kHz PCM
/// in, probability out) behind one long-lived ONNX Runtime session, shared by every <see cref="WakeWordStream"/>.
/// <para>
/// One intra-op thread and no spinning: a run is ~1 ms of small convolutions every 80 ms, where a thread pool's
/// wake-ups cost more than they save and a spinning pool would burn a core between hops
/// (shared/reference/small-model.md §4). <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string},
/// IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue})"/> is safe to call
/// from several streams at once; each stream owns its buffers.
/// </para>
/// </summary>
public sealed class WakeWordDetector : IWakeWordSpotter, IDisposable
{
    /// <summary>The model runs once per 80 ms of audio (openWakeWord's frame).</summary>
    public const int HopSamples = 1280;

    public const int SampleRate = 16_000;

    private const string InputName = "pcm";
    private const string ScoreName = "score";
    private const string LogMelName = "logmel";
    private static readonly string[] InputNames = [InputName];
    private static readonly string[] ScoreOnly = [ScoreName];
    private static readonly string[] ScoreAndLogMel = [ScoreName, LogMelName];

    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();

    public WakeWordDetector(WakeWordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = WakeWordOptionsValidator.Failures(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        Options = options;
        using var sessionOptions = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        session = new InferenceSession(options.ModelPath, sessionOptions);
        try
        {
            WindowSamples = ReadWindow(session, options.ModelPath);
            RefractorySamples = (long)(options.Refractory.TotalSeconds * SampleRate);
        }
        catch
        {
            session.Dispose();
            runOptions.Dispose();
            throw;
        }
    }

    public WakeWordOptions Options { get; }

    /// <summary>Samples the model looks at per run (its input's fixed second dimension: 24,000 = 1.5 s).</summary>
    public int WindowSamples { get; }

    internal long RefractorySamples { get; }

    /// <summary>A fresh per-stream state (rolling window, smoothing, refractory); one per uplink stream.</summary>
    public WakeWordStream OpenStream() => new(this);

    IWakeWordListener IWakeWordSpotter.Listen() => OpenStream();

    /// <summary>Scores one window (<see cref="WindowSamples"/> floats in −1 … 1) into <paramref name="score"/>[0].</summary>
    internal void Score(float[] window, float[] score)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(window, [1, WindowSamples]);
        using var output = OrtValue.CreateTensorValueFromMemory(score, [1]);
        session.Run(runOptions, InputNames, [input], ScoreOnly, [output]);
    }

    /// <summary>Score and log-mel ([40 mels × frames], mel-major) of one window: the front-end check in the tests.</summary>
    internal (float Score, float[] LogMel, int Frames) ScoreWithFeatures(float[] window)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(window, [1, WindowSamples]);
        using var outputs = session.Run(runOptions, InputNames, [input], ScoreAndLogMel);
        var score = outputs[0].GetTensorDataAsSpan<float>()[0];
        var shape = outputs[1].GetTensorTypeAndShape().Shape;
        return (score, outputs[1].GetTensorDataAsSpan<float>().ToArray(), (int)shape[2]);
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

    private static int ReadWindow(InferenceSession session, string path)
    {
        if (!session.InputMetadata.TryGetValue(InputName, out var input) || input.Dimensions.Length != 2 || input.Dimensions[1] < HopSamples)
        {
            throw new InvalidDataException($"WakeWord:ModelPath '{path}' is not a wake-word model: it needs an input '{InputName}' of shape [batch, samples].");
        }

        if (!session.OutputMetadata.ContainsKey(ScoreName))
        {
            throw new InvalidDataException($"WakeWord:ModelPath '{path}' is not a wake-word model: it has no output '{ScoreName}'.");
        }

        return input.Dimensions[1];
    }
}
