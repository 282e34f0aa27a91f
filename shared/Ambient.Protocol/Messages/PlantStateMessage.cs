namespace Ambient.Protocol
{
    /// <summary>The gateway's verdict on a pot, shown on the planter's indicator.</summary>
    public sealed class PlantStateMessage : Message
    {
        public const ushort UnknownMoisture = 0xFFFF;
        public const byte UnknownDays = 0xFF;

        public PlantStateMessage()
            : base(MessageType.PlantState)
        {
        }

        public PlantCondition Condition { get; set; }

        /// <summary>Calibrated moisture 0..1000, or <see cref="UnknownMoisture"/>.</summary>
        public ushort MoisturePermille { get; set; }

        /// <summary>Days until the soil reaches the species' dry threshold, or <see cref="UnknownDays"/>.</summary>
        public byte DaysUntilDry { get; set; }
    }
}
