using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Voice;

/// <summary>
/// Speech from the espeak-ng program (Debian package espeak-ng), one process per text: `espeak-ng --stdout -b 1
/// -v VOICE -s WPM -p PITCH -a AMP`, the text on stdin (so a text that starts with '-' is never read as an option
/// and nothing goes through a shell), a RIFF/WAVE (22,050 Hz mono 16-bit for the stock voices) back on stdout.
/// <para>
/// Why the program and not libespeak-ng through P/Invoke: the library keeps global state (one synthesis at a time
/// per process, espeak_Initialize once), runs its callbacks on the caller's thread and can take the gateway down
/// with a crash in its C code; a process can be killed at a deadline and runs beside another. Starting it costs
/// a few milliseconds (docs/benchmarks.md, `voice`), well inside the 300 ms budget.
/// </para>
/// Every failure is a <see cref="SpeechSynthesisException"/> with a reason from <see cref="SynthesisFailure"/>,
/// counted in <see cref="VoiceCounters"/>.
/// </summary>
public sealed class EspeakSynthesizer(IOptions<VoiceOptions> options, VoiceCounters counters, ILogger<EspeakSynthesizer> logger) : ITextToSpeech
{
    public async Task<SpeechAudio> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (SpeechSynthesisException e)
        {
            counters.SynthesisFailed(e.Reason);
            VoiceLog.SynthesisFailed(logger, e.Reason, e.Message);
            throw;
        }
    }

    private async Task<SpeechAudio> RunAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var o = options.Value;
        var clean = Clean(text);
        if (clean.Length == 0)
        {
            throw new SpeechSynthesisException(SynthesisFailure.EmptyText, "nothing to say: the text is empty");
        }

        if (clean.Length > o.MaxTextCharacters)
        {
            throw new SpeechSynthesisException(SynthesisFailure.TextTooLong, $"the text has {clean.Length} characters; Voice:MaxTextCharacters is {o.MaxTextCharacters}");
        }

        var start = new ProcessStartInfo(o.EspeakPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in new[]
                 {
                     "--stdout", "-b", "1", "-v", o.Voice,
                     "-s", o.WordsPerMinute.ToString(CultureInfo.InvariantCulture),
                     "-p", o.Pitch.ToString(CultureInfo.InvariantCulture),
                     "-a", o.Amplitude.ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new SpeechSynthesisException(SynthesisFailure.NotInstalled, $"cannot start '{o.EspeakPath}' (Voice:EspeakPath; install the Debian package espeak-ng): {e.Message}", e);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(o.SynthesisTimeout);
        var wave = new MemoryStream();
        try
        {
            var output = process.StandardOutput.BaseStream.CopyToAsync(wave, deadline.Token);
            var errors = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.StandardInput.WriteAsync(clean.AsMemory(), deadline.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            await output.ConfigureAwait(false);
            var stderr = await errors.ConfigureAwait(false);
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new SpeechSynthesisException(SynthesisFailure.ProcessFailed, $"espeak-ng exited with {process.ExitCode}: {stderr.Trim()}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            throw new SpeechSynthesisException(SynthesisFailure.Timeout, $"espeak-ng took longer than Voice:SynthesisTimeout ({o.SynthesisTimeout.TotalMilliseconds:F0} ms)");
        }
        catch (IOException e)
        {
            Kill(process);
            throw new SpeechSynthesisException(SynthesisFailure.ProcessFailed, $"espeak-ng pipe failed: {e.Message}", e);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        if (!WaveFile.TryRead(wave.GetBuffer().AsSpan(0, (int)wave.Length), out var audio, out var problem))
        {
            throw new SpeechSynthesisException(SynthesisFailure.BadWave, $"espeak-ng wrote an unreadable WAVE ({wave.Length} bytes): {problem}");
        }

        if (audio!.Samples.Length == 0)
        {
            throw new SpeechSynthesisException(SynthesisFailure.NoAudio, "espeak-ng wrote no audio");
        }

        return audio;
    }

    // Control characters (newlines included) become spaces; espeak-ng would otherwise pause or read them out.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
    }
}
