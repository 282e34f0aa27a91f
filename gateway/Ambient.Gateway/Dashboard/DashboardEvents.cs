using System.Threading.Channels;
using Ambient.Gateway.Settings;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Dashboard;

/// <summary>
/// The live part of the dashboard: while at least one page listens, the tables are summarised twice a second (wall
/// clock on purpose: this paces a screen, not household time, which the demo accelerates and tests freeze) and each
/// listener gets the names of the parts that changed. Settings saves are announced directly.
/// </summary>
internal sealed class DashboardEvents : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly ChangeFingerprints _fingerprints;
    private readonly ILogger<DashboardEvents> _logger;
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _listeners = [];
    private readonly SettingsService _settings;

    public DashboardEvents(ChangeFingerprints fingerprints, SettingsService settings, ILogger<DashboardEvents> logger)
    {
        _fingerprints = fingerprints;
        _settings = settings;
        _logger = logger;
        _settings.ChangedAsync += OnSettingsChangedAsync;
    }

    public int Listeners
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Count;
            }
        }
    }

    /// <summary>Topic names as they change, until the caller stops listening.</summary>
    public async IAsyncEnumerable<string> ListenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A slow page must not hold the others back: it keeps only the newest few notices.
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _listeners.Add(channel);
        }

        try
        {
            yield return "hello";
            await foreach (var topic in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return topic;
            }
        }
        finally
        {
            lock (_gate)
            {
                _listeners.Remove(channel);
            }
        }
    }

    public override void Dispose()
    {
        _settings.ChangedAsync -= OnSettingsChangedAsync;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string[]? last = null;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (Listeners == 0)
            {
                last = null; // the next listener starts from a fresh page load anyway
                continue;
            }

            string[] now;
            try
            {
                now = _fingerprints.Read();
            }
            catch (SqliteException e)
            {
                DashboardLog.FingerprintFailed(_logger, e.Message);
                continue;
            }

            if (last is not null)
            {
                for (var i = 0; i < now.Length; i++)
                {
                    if (now[i] != last[i])
                    {
                        Publish(ChangeFingerprints.Topics[i]);
                    }
                }
            }

            last = now;
        }
    }

    private void Publish(string topic)
    {
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(topic);
            }
        }
    }

    private Task OnSettingsChangedAsync()
    {
        Publish(DashboardTopics.Settings);
        return Task.CompletedTask;
    }
}
