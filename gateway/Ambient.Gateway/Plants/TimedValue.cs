namespace Ambient.Gateway.Plants;

/// <summary>One sample of one quantity, in the unit the engine works in (%, lux, °C).</summary>
public readonly record struct TimedValue(DateTimeOffset At, double Value);
