using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Core.Tests.Display;

/// <summary>A 296×128 panel that records every call, in order, and fails on drawing outside itself.</summary>
internal sealed class RecordingDisplay : IDisplay
{
    public List<string> Calls { get; } = [];

    public List<(string Text, int X, int Y, DisplayFont Font)> Texts { get; } = [];

    public int Width => 296;

    public int Height => 128;

    public void Clear() => Calls.Add("Clear");

    public void DrawText(string text, int x, int y, DisplayFont font)
    {
        Assert.InRange(x, 0, Width - (text.Length * FontMetrics.CharWidth(font)));
        Assert.InRange(y, 0, Height - FontMetrics.LineHeight(font));
        Calls.Add("DrawText");
        Texts.Add((text, x, y, font));
    }

    public void Refresh(bool full) => Calls.Add(full ? "Refresh(full)" : "Refresh(partial)");

    public void Sleep() => Calls.Add("Sleep");
}
