using Ambient.Gateway.Storage;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ambient.Gateway.Calendar;

/// <summary>
/// Loads the configured calendars (files and URLs), keeps the last good copy of each, and expands occurrences.
/// A broken calendar is counted and logged with its name and reason; the others keep working.
/// </summary>
public sealed class CalendarService : ICalendarOccurrences
{
    /// <summary>The named HttpClient for URL calendars (standard resilience handler).</summary>
    public const string HttpClientName = "calendar";

    // Replaced as a whole when the calendars change at run time (a setting saved in the dashboard).
    private volatile CalendarEntry[] _entries;
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ILogger<CalendarService> _logger;
    private readonly string _cacheDirectory;

    public CalendarService(
        IOptionsMonitor<CalendarOptions> options,
        IOptions<StorageOptions> storage,
        IHttpClientFactory clients,
        TimeProvider time,
        ILogger<CalendarService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _cacheDirectory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.DatabasePath))!, "calendar-cache");
        _clients = clients;
        _time = time;
        _logger = logger;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.CurrentValue.TimeZone);
        _entries = [.. options.CurrentValue.Calendars.Select(c => new CalendarEntry(c))];
    }

    /// <summary>The household's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    public IReadOnlyCollection<string> LoadedCalendars
        => [.. _entries.Where(e => e.Calendar is not null).Select(e => e.Source.Name)];

    public IReadOnlyList<CalendarStatus> Status
        => [.. _entries.Select(e => new CalendarStatus(e.Source.Name, e.Calendar is not null, e.LoadedAt, e.Errors, e.LastError))];

    /// <summary>
    /// Takes a new list of calendars: unchanged ones keep their loaded copy, new ones are loaded by the next
    /// <see cref="RefreshAsync"/>. Returns whether anything changed.
    /// </summary>
    public bool Reconfigure(IEnumerable<CalendarSourceOptions> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var current = _entries;
        var next = sources.Select(s => Array.Find(current, e => Same(e.Source, s)) ?? new CalendarEntry(s)).ToArray();
        if (next.Length == current.Length && next.Zip(current).All(p => ReferenceEquals(p.First, p.Second)))
        {
            return false;
        }

        _entries = next;
        return true;
    }

    private static bool Same(CalendarSourceOptions a, CalendarSourceOptions b) =>
        a.Name == b.Name && a.Path == b.Path && a.Url == b.Url && a.Owner == b.Owner && a.LeadTime == b.LeadTime;

    /// <summary>Re-reads every calendar; failures are recorded per calendar, never thrown.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        foreach (var entry in _entries)
        {
            try
            {
                var text = await ReadAsync(entry.Source, cancellationToken).ConfigureAwait(false);
                var calendar = IcsParser.Parse(entry.Source.Name, text);
                if (entry.Source.Url is not null)
                {
                    // Only a copy that parsed replaces the cached one.
                    await WriteCacheAsync(entry.Source, text, cancellationToken).ConfigureAwait(false);
                }

                lock (entry.Gate)
                {
                    entry.Calendar = calendar;
                    entry.LoadedAt = _time.GetUtcNow();
                    entry.LastError = null;
                }

                CalendarLog.Loaded(_logger, entry.Source.Name, calendar.Events.Count);
            }
            catch (Exception ex) when (IsLoadFailure(ex, cancellationToken))
            {
                var reason = ex is CalendarLoadException ? ex.Message : $"calendar '{entry.Source.Name}': {ex.Message}";
                var cached = entry.Calendar is null ? await ReadCacheAsync(entry.Source, cancellationToken).ConfigureAwait(false) : null;
                lock (entry.Gate)
                {
                    entry.Errors++;
                    entry.LastError = reason;
                    entry.Calendar ??= cached?.Calendar;
                    entry.LoadedAt ??= cached?.SavedAt;
                }

                CalendarLog.LoadFailed(_logger, entry.Source.Name, entry.Errors, entry.LoadedAt, reason);
            }
        }
    }

    public IReadOnlyList<CalendarOccurrence> GetOccurrences(DateTimeOffset from, DateTimeOffset until)
    {
        var all = new List<CalendarOccurrence>();
        foreach (var entry in _entries)
        {
            lock (entry.Gate)
            {
                if (entry.Calendar is not { } calendar)
                {
                    continue;
                }

                try
                {
                    all.AddRange(OccurrenceExpander.Expand(calendar, entry.Source, Zone, from, until));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Ical.Net evaluates RRULEs lazily, so a rule it rejects surfaces here, not at parse time;
                    // one bad calendar must not hide the others.
                    entry.Errors++;
                    entry.LastError = $"calendar '{entry.Source.Name}': {ex.Message}";
                    CalendarLog.ExpandFailed(_logger, entry.Source.Name, ex.Message);
                }
            }
        }

        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    private async Task<string> ReadAsync(CalendarSourceOptions source, CancellationToken cancellationToken)
    {
        if (source.Url is { } url)
        {
            using var http = _clients.CreateClient(HttpClientName);
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new CalendarLoadException($"calendar '{source.Name}': {url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }

        return await File.ReadAllTextAsync(ResolvePath(source.Path!), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The last good copy of a URL calendar on disk (next to the database), so a gateway restarted while the feed
    /// is unreachable still knows the household's events.
    /// </summary>
    private string CachePath(CalendarSourceOptions source)
        => Path.Combine(_cacheDirectory, string.Concat(source.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')) + ".ics");

    private async Task WriteCacheAsync(CalendarSourceOptions source, string text, CancellationToken cancellationToken)
    {
        var path = CachePath(source);
        Directory.CreateDirectory(_cacheDirectory);
        await File.WriteAllTextAsync(path + ".tmp", text, cancellationToken).ConfigureAwait(false);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private async Task<(Ical.Net.Calendar Calendar, DateTimeOffset SavedAt)?> ReadCacheAsync(CalendarSourceOptions source, CancellationToken cancellationToken)
    {
        var path = CachePath(source);
        if (source.Url is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return (IcsParser.Parse(source.Name, text), new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        }
        catch (Exception ex) when (ex is CalendarLoadException or IOException)
        {
            CalendarLog.CacheUnreadable(_logger, source.Name, ex.Message);
            return null;
        }
    }

    // What "this calendar could not be loaded" looks like; our own cancellation (shutdown) is not one of them.
    private static bool IsLoadFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        CalendarLoadException or IOException or UnauthorizedAccessException or HttpRequestException => true,
        TimeoutRejectedException or BrokenCircuitException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Relative paths: the working directory first (a household's own file), then the shipped samples.</summary>
    internal static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(shipped) ? shipped : Path.GetFullPath(path);
    }
}
