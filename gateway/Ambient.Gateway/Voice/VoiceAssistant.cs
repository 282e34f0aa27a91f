using System.Collections.Concurrent;
using System.Globalization;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Settings;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Voice;

/// <summary>
/// The voice capability's reactions:
/// <list type="bullet">
/// <item>a reminder falls due → its sentence is spoken on every earbud of the household (awaited, so a broker
/// that refuses the downlink puts the reminder back for the next tick) — except in the household's quiet hours
/// (Household:QuietStart/QuietEnd, read live), when it is only counted: it still reaches the magnets;</item>
/// <item>an earbud's uplink audio → reassembled per stream (<see cref="UplinkAssembler"/>) and fed, in order, to
/// the wake-word detector when one is registered;</item>
/// <item>the earbud's talk button (a Wake event naming the stream that follows) or a detected wake word → once
/// the utterance is over, the "what's next?" answer is spoken on that earbud and remembered;</item>
/// <item>an earbud names a speech chunk it missed (EventKind.AudioMissing) → the chunk is sent again.</item>
/// </list>
/// Answers are written and spoken on a background queue, never inside the ingest path (which holds the
/// device's PUBACK).
/// </summary>
public sealed class VoiceAssistant(
    FrameIngestor ingestor,
    ReminderScheduler reminders,
    SpeechSender sender,
    UplinkAssembler assembler,
    VoiceScript script,
    DeviceRegistry devices,
    MemoryStore memory,
    VoiceCounters counters,
    IOptions<VoiceOptions> options,
    IOptionsMonitor<GreetingsOptions> greetings,
    IOptionsMonitor<HouseholdOptions> household,
    IOptions<CalendarOptions> calendarOptions,
    TimeProvider time,
    ILogger<VoiceAssistant> logger,
    IWakeWordSpotter? spotter = null) : BackgroundService
{
    private static readonly string EarbudKind = DeviceKinds.NameOf(DeviceKind.Earbud);
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    private readonly System.Threading.Channels.Channel<Func<CancellationToken, Task>> _jobs =
        System.Threading.Channels.Channel.CreateUnbounded<Func<CancellationToken, Task>>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<(string Device, ushort Stream), Question> _questions = new();
    private readonly ConcurrentDictionary<(string Device, ushort Stream), IWakeWordListener> _listeners = new();
    private readonly ConcurrentDictionary<string, bool> _isEarbud = new(StringComparer.Ordinal);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendarOptions.Value.TimeZone);
    private ITimer? _timer;

    /// <summary>Raised after an answer was spoken (tests and the benchmark wait on it).</summary>
    public event Func<SpokenStream, Task>? AnsweredAsync;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        reminders.ReminderDueAsync += OnReminderDueAsync;
        _timer = time.CreateTimer(_ => Tick(), null, TickInterval, TickInterval);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        reminders.ReminderDueAsync -= OnReminderDueAsync;
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        _jobs.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Speaks the reminder on every earbud; returns what was sent, or null when there is no earbud, voice is off or
    /// it is the household's quiet hours.
    /// </summary>
    public async Task<SpokenStream?> SpeakReminderAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        // Nobody asked for a reminder, so it keeps quiet hours; the magnet notice (MagnetNotices) still shows it and
        // it stays delivered (not retried), so it is not lost. An asked "what's next?" is answered at any hour.
        if (IsQuietNow())
        {
            counters.QuietSkipped();
            VoiceLog.QuietHours(logger, reminder.Id);
            return null;
        }

        var earbuds = Earbuds();
        if (!options.Value.Enabled || earbuds.Count == 0)
        {
            VoiceLog.NoEarbud(logger, reminder.Id);
            return null;
        }

        var text = script.ForReminder(reminder);
        try
        {
            return await sender.SpeakAsync(earbuds, text.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (SpeechSynthesisException e)
        {
            // Counted and logged by the synthesizer; retrying the same text would fail the same way.
            VoiceLog.NotSpoken(logger, string.Join(",", earbuds), e.Reason);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await job(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // One failed answer must not stop the queue.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    VoiceLog.JobFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down while waiting for the next job: nothing is lost, the queue only holds answers not yet due.
            return;
        }
    }

    private async Task OnReminderDueAsync(ReminderDue due) => await SpeakReminderAsync(due.Reminder, CancellationToken.None).ConfigureAwait(false);

    private Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        switch (frame.Message)
        {
            case AudioChunkMessage chunk when IsEarbud(frame.DeviceId):
                OnChunk(frame.DeviceId, chunk, frame.ReceivedAt);
                break;
            case EventMessage { Kind: EventKind.Wake } wake when IsEarbud(frame.DeviceId):
                OnWake(frame.DeviceId, wake, frame.ReceivedAt);
                break;
            case EventMessage { Kind: EventKind.AudioMissing } missing:
                var stream = AudioMissingRef.StreamId(missing.Reference);
                var index = AudioMissingRef.Index(missing.Reference);
                Enqueue(ct => sender.ResendAsync(frame.DeviceId, stream, index, ct));
                break;
        }

        return Task.CompletedTask;
    }

    private void OnChunk(string device, AudioChunkMessage chunk, DateTimeOffset at)
    {
        var progress = assembler.Offer(device, chunk, at);
        if (!progress.Accepted)
        {
            VoiceLog.UplinkRefused(logger, device, chunk.StreamId, chunk.Index, progress.Problem!);
            return;
        }

        Listen(device, chunk.StreamId, progress.InOrder);
        if (progress.Completed is { } utterance)
        {
            Finished(utterance);
        }
    }

    // The talk button: the question is the stream that follows (Reference), answered once it is over.
    private void OnWake(string device, EventMessage wake, DateTimeOffset at)
    {
        if (wake.Reference is 0 or > ushort.MaxValue)
        {
            Enqueue(ct => AnswerAsync(device, "asked what's next (button)", ct));
            return;
        }

        var key = (device, (ushort)wake.Reference);
        var question = _questions.GetOrAdd(key, _ => new Question(at + options.Value.UplinkTimeout));
        question.ByButton = true;
        if (question.Heard is not null)
        {
            Answer(key, question);
        }
    }

    private void Listen(string device, ushort stream, short[] pcm)
    {
        if (spotter is null || pcm.Length == 0)
        {
            return;
        }

        var listener = _listeners.GetOrAdd((device, stream), _ => spotter.Listen());
        if (listener.Feed(pcm))
        {
            var question = _questions.GetOrAdd((device, stream), _ => new Question(time.GetUtcNow() + options.Value.UplinkTimeout));
            if (!question.ByWakeWord)
            {
                question.ByWakeWord = true;
                question.Score = listener.LastScore;
                counters.WakeWord();
                VoiceLog.WakeWord(logger, device, stream, listener.LastScore);
            }
        }
    }

    private void Finished(Utterance utterance)
    {
        VoiceLog.Utterance(logger, utterance.DeviceId, utterance.StreamId, utterance.Duration.TotalSeconds, utterance.MissingChunks, utterance.Chunks,
            utterance.TimedOut ? " (timed out)" : "");
        var key = (utterance.DeviceId, utterance.StreamId);
        _listeners.TryRemove(key, out _);
        if (_questions.TryGetValue(key, out var question))
        {
            question.Heard = utterance;
            if (question.ByButton || question.ByWakeWord)
            {
                Answer(key, question);
            }
        }
        else
        {
            // The Wake event may still be on its way (frames are committed concurrently): keep the utterance briefly.
            _questions.TryAdd(key, new Question(time.GetUtcNow() + options.Value.UplinkTimeout) { Heard = utterance });
        }
    }

    private void Answer((string Device, ushort Stream) key, Question question)
    {
        if (!question.TryAnswer())
        {
            return;
        }

        _questions.TryRemove(key, out _);
        var how = question.ByWakeWord
            ? string.Create(CultureInfo.InvariantCulture, $"said the wake word (score {question.Score:F2})")
            : "held the talk button";
        var heard = question.Heard is { } u ? string.Create(CultureInfo.InvariantCulture, $", {u.Duration.TotalSeconds:F1} s of speech") : ", no speech";
        Enqueue(ct => AnswerAsync(key.Device, $"{how}{heard} (stream {key.Stream})", ct));
    }

    private async Task AnswerAsync(string device, string asked, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var text = script.WhatsNext();
        var started = time.GetUtcNow();
        SpokenStream spoken;
        try
        {
            spoken = await sender.SpeakAsync([device], text.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (SpeechSynthesisException e)
        {
            VoiceLog.NotSpoken(logger, device, e.Reason);
            return;
        }

        counters.Answer();
        VoiceLog.Answered(logger, device, text.Text, text.MadeBy);
        try
        {
            var took = text.Milliseconds + spoken.SynthesisMilliseconds;
            memory.Add(started, MemoryKinds.Wake, greetings.CurrentValue.Person, device, $"{asked}; answered \"{text.Text}\"", text.MadeBy, took);
        }
        catch (SqliteException e)
        {
            VoiceLog.JobFailed(logger, e);
        }

        if (AnsweredAsync is { } handlers)
        {
            await handlers(spoken).ConfigureAwait(false);
        }
    }

    // Streams that went quiet end with what came; a button press whose speech never came is answered anyway.
    private void Tick()
    {
        var now = time.GetUtcNow();
        foreach (var (utterance, inOrder) in assembler.Expire(now))
        {
            Listen(utterance.DeviceId, utterance.StreamId, inOrder);
            Finished(utterance);
        }

        foreach (var (key, question) in _questions)
        {
            if (now < question.Deadline || assembler.IsOpen(key.Device, key.Stream))
            {
                continue;
            }

            if (question.ByButton)
            {
                Answer(key, question);
            }
            else
            {
                _questions.TryRemove(key, out _);
            }
        }
    }

    // Read per reminder (not cached): a change saved in the dashboard applies to the next one.
    private bool IsQuietNow() => household.CurrentValue.IsQuiet(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).TimeOfDay);

    private void Enqueue(Func<CancellationToken, Task> job) => _jobs.Writer.TryWrite(job);

    private List<string> Earbuds() =>
        [.. devices.List().Where(d => d.Kind == EarbudKind && d.Revoked is null).Select(d => d.Id).Order(StringComparer.Ordinal)];

    private bool IsEarbud(string device) => _isEarbud.GetOrAdd(device, id => devices.Find(id)?.Kind == EarbudKind);

    private sealed class Question(DateTimeOffset deadline)
    {
        private int _answered;

        public DateTimeOffset Deadline { get; } = deadline;

        public bool ByButton { get; set; }

        public bool ByWakeWord { get; set; }

        public float Score { get; set; }

        public Utterance? Heard { get; set; }

        public bool TryAnswer() => Interlocked.Exchange(ref _answered, 1) == 0;
    }
}
