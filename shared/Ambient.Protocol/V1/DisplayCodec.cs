namespace Ambient.Protocol.V1
{
    /// <summary>full refresh u8 (0/1) · section count u8 · per section: hint u8, text (varint length + UTF-8).</summary>
    internal static class DisplayCodec
    {
        public static void Write(DisplayMessage m, ref WireWriter w)
        {
            DisplaySection[] sections = m.Sections;
            WireWriter.Require(sections != null && sections.Length >= 1 && sections.Length <= FrameLayout.MaxDisplaySections, "display.sections");
            w.WriteByte(m.FullRefresh ? (byte)1 : (byte)0);
            w.WriteByte((byte)sections.Length);
            for (int i = 0; i < sections.Length; i++)
            {
                WireWriter.Require(sections[i] != null && IsHint(sections[i].Hint), "display.section.hint");
                w.WriteByte((byte)sections[i].Hint);
                w.WriteText(sections[i].Text, FrameLayout.MaxTextBytes, "display.section.text");
            }
        }

        public static Message Read(ref WireReader r)
        {
            DisplayMessage m = new DisplayMessage();
            byte refresh = r.ReadByte("display.refresh");
            r.Check(refresh <= 1, "display.refresh");
            m.FullRefresh = refresh == 1;
            int count = r.ReadByte("display.sections");
            if (!r.Check(count >= 1 && count <= FrameLayout.MaxDisplaySections, "display.sections"))
            {
                return null;
            }

            m.Sections = new DisplaySection[count];
            for (int i = 0; i < count && !r.Failed; i++)
            {
                LayoutHint hint = (LayoutHint)r.ReadByte("display.section.hint");
                r.Check(IsHint(hint), "display.section.hint");
                m.Sections[i] = new DisplaySection(hint, r.ReadText(FrameLayout.MaxTextBytes, "display.section.text"));
            }

            return m;
        }

        private static bool IsHint(LayoutHint hint)
        {
            return hint <= LayoutHint.Reminder;
        }
    }
}
