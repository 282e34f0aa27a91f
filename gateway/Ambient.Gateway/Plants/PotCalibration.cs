namespace Ambient.Gateway.Plants;

/// <summary>
/// Raw capacitive-probe ADC counts in this pot's soil when dry and when saturated (anchors §2.5: calibrate in soil,
/// not air vs water). Capacitive probes read higher when dry, but the mapping does not assume a direction.
/// </summary>
public readonly record struct PotCalibration(int RawDry, int RawWet)
{
    /// <summary>% of the dry→wet span, clamped to 0..100 (two-point linear map, like ESPHome calibrate_linear + clamp).</summary>
    public double ToPercent(int raw)
    {
        var percent = (raw - RawDry) * 100.0 / (RawWet - RawDry);
        return Math.Clamp(percent, 0, 100);
    }
}
