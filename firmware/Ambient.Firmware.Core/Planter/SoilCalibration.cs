namespace Ambient.Firmware.Planter
{
    /// <summary>
    /// Raw capacitive-probe counts to moisture ‰ for one pot. Capacitive probes read HIGHER when drier, so dry > wet;
    /// the two points are measured in this pot's soil (dry soil, then just after a thorough watering) because the
    /// curve depends on soil mix and probe depth (anchors.md §2.5, ESPHome calibration pattern).
    /// </summary>
    public static class SoilCalibration
    {
        public const int DefaultDryRaw = 3000;
        public const int DefaultWetRaw = 1300;

        /// <summary>0 at the dry point, 1000 at the wet point, clamped; -1 when the calibration is unusable.</summary>
        public static int ToPermille(int raw, int dryRaw, int wetRaw)
        {
            int span = dryRaw - wetRaw;
            if (span <= 0)
            {
                return -1;
            }

            int permille = (int)(((long)(dryRaw - raw) * 1000) / span);
            return permille < 0 ? 0 : permille > 1000 ? 1000 : permille;
        }
    }
}
