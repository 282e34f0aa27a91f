using System.Numerics;

namespace Ambient.Gateway.Voice;

/// <summary>
/// Rational sample-rate conversion (e.g. espeak-ng's 22,050 Hz to the earbud's 16,000 Hz = ×320/441) with a
/// Kaiser-windowed sinc low-pass in polyphase form: conceptually upsample by L, filter, keep every M-th sample, but
/// only the L-th phase of the filter that lands on a kept sample is ever computed (R. E. Crochiere, L. R. Rabiner,
/// "Interpolation and decimation of digital signals — a tutorial review", Proc. IEEE 69(3), 1981).
/// <para>
/// The filter passes up to <see cref="PassbandFraction"/> of the lower Nyquist frequency and stops from it on with
/// about 80 dB (Kaiser β = 7.86, J. F. Kaiser, "Nonrecursive digital filter design using the I0-sinh window
/// function", 1974), so speech energy above 8 kHz does not fold back into the band as it would with linear
/// interpolation. Block-based: <see cref="Process"/> takes any number of samples and keeps the filter's history,
/// so a stream is converted in pieces exactly as in one go; <see cref="Flush"/> pushes the last samples out.
/// The output is aligned with the input (the filter's delay is removed).
/// </para>
/// </summary>
public sealed class PolyphaseResampler
{
    /// <summary>Where the pass band ends, as a fraction of the lower of the two Nyquist frequencies.</summary>
    public const double PassbandFraction = 0.875;

    private const double KaiserBeta = 7.857;

    private readonly int _up;
    private readonly int _down;
    private readonly int _taps;
    private readonly float[][] _phases;
    private readonly int _delay;
    private float[] _history;
    private int _historyLength;
    private long _historyStart;
    private long _inputCount;
    private long _nextOutput;
    private long _skip;
    private long _emitted;

    /// <summary>A converter from <paramref name="inputRate"/> to <paramref name="outputRate"/> Hz.</summary>
    /// <param name="inputRate">Input sample rate, Hz.</param>
    /// <param name="outputRate">Output sample rate, Hz.</param>
    /// <param name="tapsPerPhase">Filter length per output sample; 96 give a transition band of about 1.15 kHz (80 dB at 22,050 → 16,000: stop band from 8.07 kHz).</param>
    public PolyphaseResampler(int inputRate, int outputRate, int tapsPerPhase = 96)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(tapsPerPhase, 8);
        var gcd = Gcd(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        _taps = tapsPerPhase;
        InputRate = inputRate;
        OutputRate = outputRate;

        // Prototype low-pass at rate L·fin: cutoff halfway through the transition band from the pass-band edge to
        // the lower Nyquist frequency, gain L to make up for the zeros upsampling inserts.
        var length = _taps * _up;
        var nyquist = Math.Min(inputRate, outputRate) / 2.0;
        var cutoff = nyquist * (1 + PassbandFraction) / 2 / ((double)inputRate * _up);
        // Centre the filter on a whole number of output samples (a multiple of M at rate L·fin), so that taking
        // out its delay aligns the output exactly; a half-sample misalignment would cost a 1 kHz tone 20 dB of SNR.
        _delay = (int)(((length - 1) / 2.0) / _down);
        double center = (double)_delay * _down;
        var half = Math.Min(center, length - 1 - center);
        var i0Beta = BesselI0(KaiserBeta);
        _phases = new float[_up][];
        for (var p = 0; p < _up; p++)
        {
            // Phase p holds h[p + k·L] for k = 0 … taps−1, stored newest-input-first reversed so that the dot
            // product runs over the history in memory order.
            var phase = new float[_taps];
            for (var k = 0; k < _taps; k++)
            {
                var n = p + (k * _up);
                var x = n - center;
                var sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
                var r = x / half;
                var window = Math.Abs(r) > 1 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(1 - (r * r))) / i0Beta;
                phase[_taps - 1 - k] = (float)(sinc * window * _up);
            }

            _phases[p] = phase;
        }

        _history = new float[Math.Max(4096, _taps * 4)];
        Reset();
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Output samples for <paramref name="inputSamples"/> input samples once flushed: ⌈n·out/in⌉.</summary>
    public long OutputLength(long inputSamples) => ((inputSamples * _up) + _down - 1) / _down;

    /// <summary>Starts a new stream.</summary>
    public void Reset()
    {
        // The history starts with taps−1 zeros: the filter's view before the first sample.
        Array.Clear(_history);
        _historyLength = _taps - 1;
        _historyStart = -(_taps - 1);
        _inputCount = 0;
        _nextOutput = 0;
        _emitted = 0;
        _skip = _delay;
    }

    /// <summary>Converts <paramref name="input"/>; appends the output samples now computable to <paramref name="output"/>.</summary>
    public void Process(ReadOnlySpan<short> input, List<short> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Append(input, zeros: 0);
        Produce(output, _inputCount - 1);
    }

    /// <summary>Ends the stream: pushes the filter's tail out so the output has <see cref="OutputLength"/> samples in all.</summary>
    public void Flush(List<short> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var wanted = OutputLength(_inputCount);
        var real = _inputCount;
        Append(default, zeros: _taps);
        Produce(output, _inputCount - 1, wanted - _emitted);
        _inputCount = real;
    }

    /// <summary>Converts a whole signal in one go.</summary>
    public static short[] Convert(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        var resampler = new PolyphaseResampler(inputRate, outputRate);
        var output = new List<short>((int)resampler.OutputLength(input.Length) + 8);
        resampler.Process(input, output);
        resampler.Flush(output);
        return [.. output];
    }

    private void Append(ReadOnlySpan<short> input, int zeros)
    {
        var count = input.Length + zeros;
        if (_historyLength + count > _history.Length)
        {
            Array.Resize(ref _history, Math.Max(_history.Length * 2, _historyLength + count));
        }

        for (var i = 0; i < input.Length; i++)
        {
            _history[_historyLength + i] = input[i];
        }

        Array.Clear(_history, _historyLength + input.Length, zeros);
        _historyLength += count;
        _inputCount += count;
    }

    // Computes every output sample whose newest input is at or before `lastInput`, at most `limit` of them.
    private void Produce(List<short> output, long lastInput, long limit = long.MaxValue)
    {
        while (limit > 0)
        {
            var position = _nextOutput * _down;
            var newest = position / _up;
            if (newest > lastInput)
            {
                break;
            }

            var phase = _phases[(int)(position % _up)];
            var from = (int)(newest - (_taps - 1) - _historyStart);
            var sum = Dot(phase, _history.AsSpan(from, _taps));
            _nextOutput++;
            if (_skip > 0)
            {
                _skip--;
                continue;
            }

            output.Add((short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue));
            _emitted++;
            limit--;
        }

        // Keep only the inputs the next output can still need.
        var keepFrom = ((_nextOutput * _down) / _up) - (_taps - 1);
        var drop = (int)Math.Clamp(keepFrom - _historyStart, 0, _historyLength);
        if (drop > 0)
        {
            Array.Copy(_history, drop, _history, 0, _historyLength - drop);
            _historyLength -= drop;
            _historyStart += drop;
        }
    }

    private static float Dot(float[] a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        var width = Vector<float>.Count;
        for (; i <= a.Length - width; i += width)
        {
            sum += new Vector<float>(a, i) * new Vector<float>(b.Slice(i, width));
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    // Zeroth-order modified Bessel function of the first kind, by its power series (converges fast for β < 20).
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        var half = x / 2;
        for (var k = 1; k < 50; k++)
        {
            term *= half / k;
            var squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
