using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Plants;

/// <summary>
/// Keeps each pot's recent readings, judges it with <see cref="PlantStateEngine"/> whenever readings arrive, saves
/// the verdict and raises <see cref="StateChangedAsync"/> when the shown condition changes.
/// </summary>
public sealed class PlantMonitor
{
    private readonly PlantStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<PlantMonitor> _logger;
    private readonly PlantsOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PotConfig> _pots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PotHistory> _histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlantState> _states;
    private readonly Dictionary<string, DateTimeOffset> _lastWateringSeen = new(StringComparer.Ordinal);

    public PlantMonitor(PlantStore store, IOptions<PlantsOptions> options, TimeProvider time, ILogger<PlantMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = time;
        _logger = logger;
        _options = options.Value;
        foreach (var pot in _options.Pots)
        {
            _store.UpsertPot(pot.ToConfig());
        }

        foreach (var pot in _store.GetPots())
        {
            _pots[pot.DeviceId] = pot;
        }

        _states = new Dictionary<string, PlantState>(_store.LoadStates(), StringComparer.Ordinal);
        foreach (var (device, state) in _states)
        {
            if (state.LastWatered is { } watered)
            {
                _lastWateringSeen[device] = watered;
            }
        }
    }

    /// <summary>The shown condition of a pot changed (also on its first verdict after start-up if it differs).</summary>
    public event Func<PlantStateChanged, Task>? StateChangedAsync;

    /// <summary>A new watering was detected.</summary>
    public event Func<PlantWatered, Task>? WateredAsync;

    /// <summary>
    /// Feed a planter's decoded readings (any kinds; kinds the engine does not use are ignored) and re-judge the pot.
    /// Call after the readings are committed, with each sample's own time (replayed batches keep their original
    /// times). Readings of a device without a configured pot are ignored. Returns the new state, or null for an
    /// unknown device.
    /// </summary>
    public async Task<PlantState?> OnReadingsAsync(
        string deviceId,
        IReadOnlyList<(DateTimeOffset At, SensorKind Kind, int Value)> readings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        lock (_gate)
        {
            if (!_pots.TryGetValue(deviceId, out var pot))
            {
                PlantsLog.UnknownPot(_logger, deviceId);
                return null;
            }

            var history = HistoryFor(deviceId);
            foreach (var (at, kind, value) in readings)
            {
                if (SampleRouting.Find(kind) is { } routing && routing.Convert(pot, value) is { } converted)
                {
                    history.Add(routing.Series, new TimedValue(at, converted));
                }
            }
        }

        return await EvaluateAsync(deviceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-judges every pot at the current time (readings may have gone stale).</summary>
    public async Task EvaluateAllAsync(CancellationToken cancellationToken = default)
    {
        string[] devices;
        lock (_gate)
        {
            devices = [.. _pots.Keys];
        }

        foreach (var device in devices)
        {
            await EvaluateAsync(device, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds or changes a pot (also persisted).</summary>
    public void ConfigurePot(PotConfig pot)
    {
        ArgumentNullException.ThrowIfNull(pot);
        if (SpeciesTable.Find(pot.SpeciesId) is null)
        {
            throw new ArgumentException($"Unknown species '{pot.SpeciesId}'.", nameof(pot));
        }

        _store.UpsertPot(pot);
        lock (_gate)
        {
            _pots[pot.DeviceId] = pot;
        }
    }

    public IReadOnlyList<PotConfig> Pots
    {
        get
        {
            lock (_gate)
            {
                return [.. _pots.Values.OrderBy(p => p.DeviceId, StringComparer.Ordinal)];
            }
        }
    }

    public PlantState? GetState(string deviceId)
    {
        lock (_gate)
        {
            return _states.GetValueOrDefault(deviceId);
        }
    }

    /// <summary>Every configured pot as greeting facts (Unknown for pots not judged yet).</summary>
    public IReadOnlyList<PlantSummary> GetSummaries()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return [.. _pots.Values
                .OrderBy(p => p.DeviceId, StringComparer.Ordinal)
                .Select(p => Summarize(p, _states.GetValueOrDefault(p.DeviceId) ?? PlantState.Unknown(now)))];
        }
    }

    internal static PlantSummary Summarize(PotConfig pot, PlantState state) => new(
        pot.DeviceId,
        pot.PlantName,
        SpeciesTable.Find(pot.SpeciesId)?.Name ?? pot.SpeciesId,
        state.Condition,
        state.MoisturePercent is { } m ? (int)Math.Round(m) : null,
        state.DaysUntilDry is { } d ? (int)Math.Floor(d) : null,
        state.LastWatered);

    private async Task<PlantState?> EvaluateAsync(string deviceId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        PotConfig pot;
        PlantState? previous;
        PlantState current;
        WateringEvent? newWatering = null;
        lock (_gate)
        {
            if (!_pots.TryGetValue(deviceId, out pot!) || SpeciesTable.Find(pot.SpeciesId) is not { } species)
            {
                return null;
            }

            var history = HistoryFor(deviceId);
            history.Trim(now - _options.History);
            var readings = history.Snapshot();
            previous = _states.GetValueOrDefault(deviceId);
            current = PlantStateEngine.Evaluate(species, readings, previous, now);
            _states[deviceId] = current;

            var waterings = WateringDetector.Detect(readings.MoisturePercent, PlantTuning.Default);
            if (waterings.Count > 0
                && (!_lastWateringSeen.TryGetValue(deviceId, out var seen) || waterings[^1].At > seen))
            {
                newWatering = waterings[^1];
                _lastWateringSeen[deviceId] = waterings[^1].At;
            }
        }

        _store.SaveState(deviceId, current);
        if (newWatering is { } watering)
        {
            _store.AddWatering(deviceId, watering);
            PlantsLog.Watered(_logger, deviceId, watering.BeforePercent, watering.AfterPercent);
            if (WateredAsync is { } watered)
            {
                await RaiseAsync(watered, new PlantWatered(pot, watering)).ConfigureAwait(false);
            }
        }

        var before = previous?.Condition ?? PlantCondition.Unknown;
        if (before != current.Condition)
        {
            PlantsLog.ConditionChanged(_logger, deviceId, before, current.Condition);
            if (StateChangedAsync is { } changed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await RaiseAsync(changed, new PlantStateChanged(pot, before, current, Summarize(pot, current), current.ToMessage()))
                    .ConfigureAwait(false);
            }
        }

        return current;
    }

    // Each subscriber is awaited in turn (invoking the multicast delegate directly would await only the last one).
    private static async Task RaiseAsync<TArgs>(Func<TArgs, Task> handler, TArgs args)
    {
        foreach (var subscriber in handler.GetInvocationList().Cast<Func<TArgs, Task>>())
        {
            await subscriber(args).ConfigureAwait(false);
        }
    }

    private PotHistory HistoryFor(string deviceId)
    {
        if (!_histories.TryGetValue(deviceId, out var history))
        {
            history = new PotHistory();
            _histories[deviceId] = history;
        }

        return history;
    }
}
