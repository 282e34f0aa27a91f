using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// The earbud's I2S microphone: room noise, and speech when the household makes someone talk (a short silence,
/// then voiced syllables with formants and gaps, as in a spoken question). Reading a block takes its real
/// duration on the virtual clock, as DMA would.
/// </summary>
public sealed class SimulatedMicrophone(VirtualTime time, int seed) : IAudioInput
{
    private const int Rate = 16000;
    private readonly Random _random = new(seed);
    private long _sample;
    private long _speechFrom = long.MaxValue;
    private long _speechTo = long.MaxValue;

    /// <summary>Someone speaks for <paramref name="milliseconds"/> after <paramref name="afterMilliseconds"/> of quiet.</summary>
    public void Speak(int afterMilliseconds, int milliseconds)
    {
        _speechFrom = _sample + (afterMilliseconds * Rate / 1000);
        _speechTo = _speechFrom + (milliseconds * Rate / 1000);
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        var samples = count / 2;
        for (var i = 0; i < samples; i++, _sample++)
        {
            var value = (_random.NextDouble() - 0.5) * 120;
            if (_sample >= _speechFrom && _sample < _speechTo)
            {
                var t = (double)(_sample - _speechFrom) / Rate;
                var syllable = t % 0.25;
                var envelope = syllable < 0.18 ? Math.Sin(Math.PI * syllable / 0.18) : 0;
                value += envelope * ((5000 * Math.Sin(2 * Math.PI * 140 * t)) + (2500 * Math.Sin(2 * Math.PI * 700 * t)) +
                                     (1500 * Math.Sin(2 * Math.PI * 1200 * t)));
            }

            var pcm = (short)Math.Clamp(value, short.MinValue, short.MaxValue);
            buffer[offset + (2 * i)] = (byte)pcm;
            buffer[offset + (2 * i) + 1] = (byte)(pcm >> 8);
        }

        time.Advance(TimeSpan.FromSeconds((double)samples / Rate));
        return samples * 2;
    }
}

/// <summary>The earbud's amplifier: keeps what was played; playing takes its duration on the virtual clock.</summary>
public sealed class SimulatedSpeaker(VirtualTime time) : IAudioOutput
{
    public long SamplesPlayed { get; private set; }

    public int LargestStep { get; private set; }

    private short _last;

    public void Write(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i + 1 < count; i += 2)
        {
            var sample = (short)(buffer[offset + i] | (buffer[offset + i + 1] << 8));
            LargestStep = Math.Max(LargestStep, Math.Abs(sample - _last));
            _last = sample;
        }

        SamplesPlayed += count / 2;
        time.Advance(TimeSpan.FromSeconds(count / 2 / 16000.0));
    }
}

/// <summary>The earbud's button: the press the household's schedule makes (held to talk in the morning, a tap later).</summary>
internal sealed class SimulatedButton(Func<ButtonPress> press) : IButton
{
    public ButtonPress TakePress() => press();
}
