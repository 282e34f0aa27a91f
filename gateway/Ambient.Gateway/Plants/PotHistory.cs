namespace Ambient.Gateway.Plants;

/// <summary>
/// A pot's recent readings in time order, trimmed to a window. Replayed batches from the device's ring buffer can
/// arrive late and out of order, so inserts keep the order and drop exact duplicates.
/// </summary>
internal sealed class PotHistory
{
    private readonly List<TimedValue> _moisture = [];
    private readonly List<TimedValue> _lux = [];
    private readonly List<TimedValue> _temperature = [];

    public void Add(PotSeries series, TimedValue value)
    {
        var list = ListFor(series);
        var index = list.FindLastIndex(v => v.At <= value.At);
        if (index >= 0 && list[index].At == value.At)
        {
            list[index] = value;
            return;
        }

        list.Insert(index + 1, value);
    }

    public void Trim(DateTimeOffset before)
    {
        _moisture.RemoveAll(v => v.At < before);
        _lux.RemoveAll(v => v.At < before);
        _temperature.RemoveAll(v => v.At < before);
    }

    public PotReadings Snapshot() => new([.. _moisture], [.. _lux], [.. _temperature]);

    private List<TimedValue> ListFor(PotSeries series) => series switch
    {
        PotSeries.Moisture => _moisture,
        PotSeries.Lux => _lux,
        _ => _temperature,
    };
}
