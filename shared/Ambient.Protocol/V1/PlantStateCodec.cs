namespace Ambient.Protocol.V1
{
    /// <summary>condition u8 · moisture u16 (0..1000 or 0xFFFF unknown) · days until dry u8 (0xFF unknown).</summary>
    internal static class PlantStateCodec
    {
        public static void Write(PlantStateMessage m, ref WireWriter w)
        {
            WireWriter.Require(m.Condition <= PlantCondition.TooHot, "plant.condition");
            WireWriter.Require(IsMoisture(m.MoisturePermille), "plant.moisture");
            w.WriteByte((byte)m.Condition);
            w.WriteUInt16(m.MoisturePermille);
            w.WriteByte(m.DaysUntilDry);
        }

        public static Message Read(ref WireReader r)
        {
            PlantStateMessage m = new PlantStateMessage();
            m.Condition = (PlantCondition)r.ReadByte("plant.condition");
            r.Check(m.Condition <= PlantCondition.TooHot, "plant.condition");
            m.MoisturePermille = r.ReadUInt16("plant.moisture");
            r.Check(IsMoisture(m.MoisturePermille), "plant.moisture");
            m.DaysUntilDry = r.ReadByte("plant.days_until_dry");
            return m;
        }

        private static bool IsMoisture(ushort value)
        {
            return value <= 1000 || value == PlantStateMessage.UnknownMoisture;
        }
    }
}
