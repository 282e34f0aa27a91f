namespace Ambient.Protocol
{
    /// <summary>
    /// One row of the sensor table: the wire kind, a stable key for storage and JSON, the unit of the
    /// human value, the divisor from wire integer to that value, and the range a real sensor can report.
    /// </summary>
    public sealed class SensorDescriptor
    {
        public SensorDescriptor(SensorKind kind, string key, string unit, int divisor, int minimum, int maximum)
        {
            Kind = kind;
            Key = key;
            Unit = unit;
            Divisor = divisor;
            Minimum = minimum;
            Maximum = maximum;
        }

        public SensorKind Kind { get; }

        /// <summary>snake_case name used in storage, JSON and Home Assistant object ids.</summary>
        public string Key { get; }

        /// <summary>Unit of <c>value / Divisor</c>, as Home Assistant spells it.</summary>
        public string Unit { get; }

        public int Divisor { get; }

        public int Minimum { get; }

        public int Maximum { get; }

        public bool Accepts(int value)
        {
            return value >= Minimum && value <= Maximum;
        }
    }
}
