namespace Ambient.Gateway.Plants;

/// <summary>An inclusive comfort range of one quantity (calibrated %, lux or °C).</summary>
public readonly record struct ValueRange(double Min, double Max)
{
    public bool IsOrdered => Min < Max;
}
