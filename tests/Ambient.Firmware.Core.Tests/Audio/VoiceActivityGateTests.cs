using Ambient.Firmware.Audio;
using Xunit.Abstractions;

namespace Ambient.Firmware.Core.Tests.Audio;

public sealed class VoiceActivityGateTests(ITestOutputHelper output)
{
    private const int BlockMs = VoiceActivityGate.BlockMilliseconds;
    private const int HangoverMs = VoiceActivityGate.HangoverBlocks * BlockMs;

    private static VoiceGateState[] Run(double[] signal, VoiceActivityGate? gate = null)
    {
        gate ??= new VoiceActivityGate();
        var pcm = Synth.ToPcm(signal);
        var states = new VoiceGateState[pcm.Length / VoiceActivityGate.BlockBytes];
        for (var b = 0; b < states.Length; b++)
        {
            states[b] = gate.Process(pcm, b * VoiceActivityGate.BlockBytes);
        }

        return states;
    }

    private static bool IsOpen(VoiceGateState s) =>
        s is VoiceGateState.SpeechStarting or VoiceGateState.Speech or VoiceGateState.Hangover;

    /// <summary>Syllables with the given gaps (seconds) between them, starting at <paramref name="start"/> s.</summary>
    private static (double[] Signal, double Start, double End) Utterance(double start, double[] gaps, double tail, int seed)
    {
        var random = new Random(seed);
        var parts = new List<double[]> { Synth.Silence(start) };
        var end = start;
        for (var k = 0; k <= gaps.Length; k++)
        {
            var syllable = Synth.Syllable(0.15 + (0.1 * random.NextDouble()), 100 + (120 * random.NextDouble()), Synth.Vowels[k % Synth.Vowels.Length], 6000 + (4000 * random.NextDouble()));
            parts.Add(syllable);
            end += syllable.Length / (double)Synth.SampleRate;
            if (k < gaps.Length)
            {
                parts.Add(Synth.Silence(gaps[k]));
                end += gaps[k];
            }
        }

        parts.Add(Synth.Silence(tail));
        var clean = Synth.Concat([.. parts]);
        var noise = Synth.WhiteNoise(150, clean.Length / (double)Synth.SampleRate, seed + 100);
        return (Synth.Mix(clean, noise), start, end);
    }

    private static int EndMs(int block) => (block + 1) * BlockMs;

    [Fact]
    public void Silence_and_steady_low_noise_never_open_the_gate()
    {
        foreach (var signal in new[]
        {
            Synth.Silence(2),
            Synth.WhiteNoise(30, 3, 1),
            Synth.WhiteNoise(300, 3, 2),
            Synth.WhiteNoise(1500, 3, 3),
        })
        {
            Assert.All(Run(signal), s => Assert.Equal(VoiceGateState.Silence, s));
        }
    }

    [Theory]
    [InlineData(50)]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(120)]
    public void Loud_mains_hum_switched_on_never_opens_the_gate(double hertz)
    {
        var signal = Synth.Mix(Synth.Concat(Synth.Silence(0.5), Synth.Sine(hertz, 12_000, 3)), Synth.WhiteNoise(100, 3.5, 4));

        Assert.All(Run(signal), s => Assert.Equal(VoiceGateState.Silence, s));
    }

    [Fact]
    public void A_sudden_loud_burst_of_white_noise_never_opens_the_gate()
    {
        var signal = Synth.Mix(Synth.Concat(Synth.Silence(0.5), Synth.WhiteNoise(8_000, 2, 5)), Synth.WhiteNoise(100, 2.5, 6));

        Assert.All(Run(signal), s => Assert.Equal(VoiceGateState.Silence, s));
    }

    [Fact]
    public void A_steady_tone_in_the_voice_band_opens_the_gate_but_closes_it_by_the_longest_utterance()
    {
        // Documented limitation: energy and crossings cannot tell a 1 kHz tone from a held vowel. The floor's slow
        // rise while open, at the latest the 10 s limit, closes it, and the same tone does not reopen it.
        var signal = Synth.Mix(Synth.Concat(Synth.Silence(0.5), Synth.Sine(1000, 8_000, 14)), Synth.WhiteNoise(100, 14.5, 7));

        var states = Run(signal);

        var opened = Array.IndexOf(states, VoiceGateState.SpeechStarting);
        var ended = Array.IndexOf(states, VoiceGateState.Ended);
        Assert.InRange(EndMs(opened) - 500, 0, 100);
        Assert.InRange(ended - opened, VoiceActivityGate.HangoverBlocks, VoiceActivityGate.MaxOpenBlocks);
        Assert.All(states[(ended + 1)..], s => Assert.Equal(VoiceGateState.Silence, s));
    }

    [Fact]
    public void Speech_opens_the_gate_within_100_ms_and_closes_it_within_the_hangover_and_a_block()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var (signal, start, end) = Utterance(0.6, [0.08, 0.12, 0.06], 1.0, seed);

            var states = Run(signal);

            var opened = Array.IndexOf(states, VoiceGateState.SpeechStarting);
            var ended = Array.IndexOf(states, VoiceGateState.Ended);
            var onsetLatencyMs = EndMs(opened) - (start * 1000);
            var closeLatencyMs = EndMs(ended) - (end * 1000);
            output.WriteLine($"seed {seed}: opened {onsetLatencyMs:F0} ms after the first syllable began, closed {closeLatencyMs:F0} ms after the last ended");
            Assert.InRange(onsetLatencyMs, 0, 100);
            Assert.InRange(closeLatencyMs, 0, HangoverMs + BlockMs);
            Assert.Single(states, VoiceGateState.SpeechStarting);
            Assert.Single(states, VoiceGateState.Ended);
        }
    }

    [Fact]
    public void Gaps_between_syllables_shorter_than_the_hangover_keep_the_gate_open()
    {
        var (signal, _, _) = Utterance(0.5, [0.1, 0.2, 0.15, 0.22, 0.12], 1.0, 21);

        var states = Run(signal);

        var opened = Array.IndexOf(states, VoiceGateState.SpeechStarting);
        var ended = Array.IndexOf(states, VoiceGateState.Ended);
        Assert.True(opened >= 0 && ended > opened);
        Assert.All(states[opened..ended], s => Assert.True(IsOpen(s), $"closed inside the utterance: {s}"));
        Assert.Contains(VoiceGateState.Hangover, states[opened..ended]);
    }

    [Fact]
    public void A_pause_longer_than_the_hangover_ends_the_utterance_and_the_next_word_reopens_it()
    {
        var (signal, _, _) = Utterance(0.5, [0.7], 1.0, 31);

        var states = Run(signal);

        Assert.Equal(2, states.Count(s => s == VoiceGateState.SpeechStarting));
        Assert.Equal(2, states.Count(s => s == VoiceGateState.Ended));
    }

    [Fact]
    public void A_microphone_dc_offset_does_not_keep_speech_from_opening_the_gate()
    {
        var (signal, start, _) = Utterance(0.6, [0.1], 1.0, 41);

        var states = Run(signal.Select(x => x + 3000).ToArray());

        Assert.InRange(EndMs(Array.IndexOf(states, VoiceGateState.SpeechStarting)) - (start * 1000), 0, 100);
    }

    [Fact]
    public void The_pre_roll_holds_the_blocks_before_the_onset_ending_with_the_block_that_opened_the_gate()
    {
        var (signal, start, _) = Utterance(0.6, [0.1], 0.5, 51);
        var pcm = Synth.ToPcm(signal);
        var gate = new VoiceActivityGate();
        var opened = -1;
        for (var b = 0; opened < 0; b++)
        {
            if (gate.Process(pcm, b * VoiceActivityGate.BlockBytes) == VoiceGateState.SpeechStarting)
            {
                opened = b;
            }
        }

        var preRoll = new byte[gate.PreRollByteCount];
        var written = gate.CopyPreRoll(preRoll, 0);

        Assert.Equal(VoiceActivityGate.PreRollBlocks * VoiceActivityGate.BlockBytes, written);
        var first = opened + 1 - VoiceActivityGate.PreRollBlocks;
        Assert.Equal(pcm.AsSpan(first * VoiceActivityGate.BlockBytes, written).ToArray(), preRoll);
        Assert.True(first * BlockMs < (start * 1000) - BlockMs, "the pre-roll starts before the word");
    }

    [Fact]
    public void Before_the_ring_fills_the_pre_roll_holds_only_the_blocks_seen()
    {
        var pcm = Synth.ToPcm(Synth.WhiteNoise(1000, 0.1, 61));
        var gate = new VoiceActivityGate();
        gate.Process(pcm, 0);
        gate.Process(pcm, VoiceActivityGate.BlockBytes);

        var preRoll = new byte[gate.PreRollByteCount];
        gate.CopyPreRoll(preRoll, 0);

        Assert.Equal(pcm[..(2 * VoiceActivityGate.BlockBytes)], preRoll);
    }

    [Fact]
    public void Processing_blocks_allocates_nothing()
    {
        var (signal, _, _) = Utterance(0.3, [0.1], 0.5, 71);
        var pcm = Synth.ToPcm(signal);
        var gate = new VoiceActivityGate();
        var preRoll = new byte[VoiceActivityGate.PreRollBlocks * VoiceActivityGate.BlockBytes];
        gate.Process(pcm, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var b = 1; b < pcm.Length / VoiceActivityGate.BlockBytes; b++)
        {
            if (gate.Process(pcm, b * VoiceActivityGate.BlockBytes) == VoiceGateState.SpeechStarting)
            {
                gate.CopyPreRoll(preRoll, 0);
            }
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void A_block_past_the_end_of_the_buffer_is_refused()
    {
        var gate = new VoiceActivityGate();

        Assert.Throws<ArgumentOutOfRangeException>(() => gate.Process(new byte[VoiceActivityGate.BlockBytes], 2));
    }
}
