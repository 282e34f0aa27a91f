using Ambient.Protocol;

namespace Ambient.Firmware.Display
{
    /// <summary>
    /// Which sections the magnet keeps when the panel is full (higher is kept longer): the greeting is the point of
    /// the screen; a reminder and the next event are time-bound and actionable; a plant alert can wait an hour;
    /// the weather is context; plain text is filler. A table indexed by hint, so a new hint is one entry.
    /// </summary>
    public static class SectionPriority
    {
        // Index = (byte)LayoutHint: Plain, Greeting, Weather, NextEvent, PlantAlert, Reminder.
        private static readonly int[] ByHint = new int[] { 0, 5, 1, 3, 2, 4 };

        /// <summary>Priority of a hint; unknown hints rank with plain text.</summary>
        public static int Of(LayoutHint hint)
        {
            int index = (int)hint;
            return index < ByHint.Length ? ByHint[index] : 0;
        }
    }
}
