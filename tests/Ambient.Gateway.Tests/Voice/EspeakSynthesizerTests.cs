using Ambient.Gateway.Voice;

namespace Ambient.Gateway.Tests.Voice;

/// <summary>The real espeak-ng program (test.sh installs the Debian package); only its failure modes use stand-ins.</summary>
public sealed class EspeakSynthesizerTests
{
    [Fact]
    public async Task A_sentence_becomes_seconds_of_22050_Hz_speech()
    {
        var audio = await Signals.Espeak().SynthesizeAsync("Take vitamins at eight, in ten minutes.", CancellationToken.None);

        Assert.Equal(22050, audio.SampleRate);
        Assert.InRange(audio.Duration.TotalSeconds, 1.2, 5);
        Assert.True(Signals.Rms(audio.Samples) > 500, "speech, not silence");
    }

    [Fact]
    public async Task Rate_and_voice_come_from_the_options()
    {
        const string text = "Lunch with Ana at half past twelve.";
        var normal = await Signals.Espeak(new VoiceOptions { WordsPerMinute = 160 }).SynthesizeAsync(text, CancellationToken.None);
        var fast = await Signals.Espeak(new VoiceOptions { WordsPerMinute = 320 }).SynthesizeAsync(text, CancellationToken.None);
        var british = await Signals.Espeak(new VoiceOptions { Voice = "en-gb" }).SynthesizeAsync(text, CancellationToken.None);

        Assert.InRange(fast.Duration / normal.Duration, 0.35, 0.75);
        Assert.NotEqual(normal.Samples, british.Samples);
    }

    [Fact]
    public async Task Text_that_starts_with_a_dash_is_spoken_not_read_as_an_option()
    {
        var audio = await Signals.Espeak().SynthesizeAsync("-v xx --help", CancellationToken.None);

        Assert.True(audio.Duration.TotalSeconds > 0.5);
    }

    [Fact]
    public async Task An_unknown_voice_fails_with_a_counted_reason()
    {
        var counters = new VoiceCounters();
        var tts = Signals.Espeak(new VoiceOptions { Voice = "xx-nosuchvoice" }, counters);

        var e = await Assert.ThrowsAsync<SpeechSynthesisException>(() => tts.SynthesizeAsync("hello", CancellationToken.None));

        Assert.Equal(SynthesisFailure.ProcessFailed, e.Reason);
        Assert.Contains("exited with", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, counters.SynthesisFailures[SynthesisFailure.ProcessFailed]);
    }

    [Fact]
    public async Task A_missing_program_says_which_setting_and_package()
    {
        var counters = new VoiceCounters();
        var tts = Signals.Espeak(new VoiceOptions { EspeakPath = "/nonexistent/espeak-ng" }, counters);

        var e = await Assert.ThrowsAsync<SpeechSynthesisException>(() => tts.SynthesizeAsync("hello", CancellationToken.None));

        Assert.Equal(SynthesisFailure.NotInstalled, e.Reason);
        Assert.Contains("Voice:EspeakPath", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, counters.SynthesisFailures[SynthesisFailure.NotInstalled]);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_hung_synthesizer_is_killed_at_the_timeout()
    {
        // A stand-in program that never answers (the process boundary is the thing under test).
        var script = Path.Combine(Directory.CreateTempSubdirectory("ambient-tts-").FullName, "espeak-hang");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nexec sleep 30\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var counters = new VoiceCounters();
        var tts = Signals.Espeak(new VoiceOptions { EspeakPath = script, SynthesisTimeout = TimeSpan.FromMilliseconds(300) }, counters);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<SpeechSynthesisException>(() => tts.SynthesizeAsync("hello", CancellationToken.None));

        Assert.Equal(SynthesisFailure.Timeout, e.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(1, counters.SynthesisFailures[SynthesisFailure.Timeout]);
        Directory.Delete(Path.GetDirectoryName(script)!, recursive: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public async Task Empty_text_is_refused(string text)
    {
        var e = await Assert.ThrowsAsync<SpeechSynthesisException>(() => Signals.Espeak().SynthesizeAsync(text, CancellationToken.None));

        Assert.Equal(SynthesisFailure.EmptyText, e.Reason);
    }

    [Fact]
    public async Task Text_longer_than_the_limit_is_refused_not_cut()
    {
        var tts = Signals.Espeak(new VoiceOptions { MaxTextCharacters = 20 });

        var e = await Assert.ThrowsAsync<SpeechSynthesisException>(() => tts.SynthesizeAsync("This sentence is longer than twenty characters.", CancellationToken.None));

        Assert.Equal(SynthesisFailure.TextTooLong, e.Reason);
    }
}
