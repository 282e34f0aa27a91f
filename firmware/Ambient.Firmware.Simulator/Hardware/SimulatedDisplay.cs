using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// The magnet's 296×128 e-paper: keeps the frame buffer as text lines, and the image that was last refreshed
/// onto the panel; a partial refresh takes about 0.3 s, a full one about 2 s (SSD1680-class panels).
/// </summary>
public sealed class SimulatedDisplay(VirtualTime time) : IDisplay
{
    private readonly List<(string Text, int X, int Y, DisplayFont Font)> _buffer = [];

    public int Width => 296;

    public int Height => 128;

    /// <summary>What the panel shows now, top to bottom.</summary>
    public IReadOnlyList<(string Text, int X, int Y, DisplayFont Font)> Shown { get; private set; } = [];

    public int Refreshes { get; private set; }

    public int FullRefreshes { get; private set; }

    public event Action<IReadOnlyList<(string Text, int X, int Y, DisplayFont Font)>>? Refreshed;

    public void Clear() => _buffer.Clear();

    public void DrawText(string text, int x, int y, DisplayFont font)
    {
        if (x < 0 || y < 0 || x + (text.Length * FontMetrics.CharWidth(font)) > Width || y + FontMetrics.LineHeight(font) > Height)
        {
            throw new InvalidOperationException($"'{text}' at ({x},{y}) does not fit the {Width}×{Height} panel");
        }

        _buffer.Add((text, x, y, font));
    }

    public void Refresh(bool full)
    {
        time.Advance(TimeSpan.FromMilliseconds(full ? 2000 : 300));
        Refreshes++;
        FullRefreshes += full ? 1 : 0;
        Shown = [.. _buffer.OrderBy(l => l.Y)];
        Refreshed?.Invoke(Shown);
    }

    public void Sleep()
    {
    }
}
