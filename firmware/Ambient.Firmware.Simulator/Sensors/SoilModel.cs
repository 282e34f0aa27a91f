using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>
/// A pot's soil as the capacitive probe sees it. Water content falls by a fraction of what is left each day
/// (faster in warmth and light), and jumps when someone waters — which the household does on a morning when the
/// pot has fallen below its owner's threshold. The probe reads more counts when drier, with noise and the odd
/// spike, between the pot's calibration points.
/// </summary>
public sealed class SoilModel : IAnalogInput, IDigitalOutput
{
    private readonly Func<DateTimeOffset> _now;
    private readonly Room _room;
    private readonly Random _random;
    private readonly double _dailyLoss;
    private DateTimeOffset _last;
    private bool _powered;

    public SoilModel(Func<DateTimeOffset> now, Room room, int seed, double startWater = 0.8, double dailyLoss = 0.18)
    {
        _now = now;
        _room = room;
        _random = new Random(seed);
        _dailyLoss = dailyLoss;
        Water = startWater;
        _last = now();
    }

    public int DryRaw { get; init; } = 3000;

    public int WetRaw { get; init; } = 1300;

    /// <summary>0 = as dry as the calibration's dry point, 1 = as wet as its wet point.</summary>
    public double Water { get; private set; }

    public List<DateTimeOffset> Waterings { get; } = [];

    public double WaterBelow { get; init; } = 0.3;

    public int ReadRaw()
    {
        Advance();
        if (!_powered)
        {
            return 0;
        }

        var raw = WetRaw + ((DryRaw - WetRaw) * (1 - Water)) + ((_random.NextDouble() - 0.5) * 30);
        if (_random.Next(50) == 0)
        {
            raw += 400; // a spike from the radio waking up; the firmware's median must ignore it
        }

        return (int)Math.Clamp(raw, 0, 4095);
    }

    public void Write(bool high) => _powered = high;

    private void Advance()
    {
        var now = _now();
        while (_last < now)
        {
            var step = TimeSpan.FromMinutes(Math.Min(15, (now - _last).TotalMinutes));
            var (celsius, _) = _room.Climate(_last);
            var thirst = 1 + ((celsius - 21) * 0.05) + (_room.Lux(_last) / 40000);
            Water -= Water * _dailyLoss * thirst * step.TotalDays;
            _last += step;
            if (Water < WaterBelow && _last.Hour == 8 && _last.Minute < 15)
            {
                Water = 0.9 + (_random.NextDouble() * 0.1);
                Waterings.Add(_last);
            }
        }
    }
}
