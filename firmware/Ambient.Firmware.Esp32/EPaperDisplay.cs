using System.Device.Gpio;
using System.Device.Spi;
using System.Drawing;
using Ambient.Firmware.Hal;
using Iot.Device.EPaper;
using Iot.Device.EPaper.Drivers.Ssd168x;
using Iot.Device.EPaper.Drivers.Ssd168x.Ssd1680;
using Iot.Device.EPaper.Enums;
using Iot.Device.EPaper.Fonts;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IDisplay over the ePaper binding's Ssd1680 driver (GDEY029T94: 128 source × 296 gate lines, mounted landscape,
    /// so the graphics are rotated 90°). The WROVER's PSRAM holds the whole frame, so frame paging is off and drawing
    /// goes straight to the frame buffer; Refresh sends it and runs the panel's waveform.
    /// </summary>
    public sealed class EPaperDisplay : IDisplay
    {
        private const int LargeCellWidth = 12;
        private const int LargeGlyphOffsetY = 6;
        private readonly Ssd1680 _panel;
        private readonly Graphics _graphics;
        private readonly IFont _font = new Font8x12();

        public EPaperDisplay(GpioController gpio, int busId, int chipSelectPin, int resetPin, int busyPin, int dataCommandPin, int width, int height)
        {
            SpiConnectionSettings spi = new SpiConnectionSettings(busId, chipSelectPin)
            {
                ClockFrequency = Ssd1680.SpiClockFrequency,
                Mode = Ssd1680.SpiMode,
                ChipSelectLineActiveState = false,
                Configuration = SpiBusConfiguration.HalfDuplex,
                DataFlow = DataFlow.MsbFirst,
            };

            // The controller counts the short side as width.
            _panel = new Ssd1680(new SpiDevice(spi), resetPin, busyPin, dataCommandPin, height, width, gpio, false, false);
            _panel.PowerOn();
            _panel.Initialize();
            _graphics = new Graphics(_panel) { DisplayRotation = Rotation.Degrees90Clockwise };
            Width = width;
            Height = height;
        }

        public int Width { get; }

        public int Height { get; }

        public void Clear()
        {
            _panel.Clear(false);
        }

        /// <summary>
        /// The package ships one 8×12 font. Small text uses it in its 8×16 cell; Large text keeps the 12×24 layout of
        /// FontMetrics by placing each glyph in a 12-pixel cell, vertically centred (the glyphs stay 8×12).
        /// </summary>
        public void DrawText(string text, int x, int y, DisplayFont font)
        {
            if (font != DisplayFont.Large)
            {
                _graphics.DrawText(text, _font, x, y, Color.Black);
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                _graphics.DrawText(text.Substring(i, 1), _font, x + (i * LargeCellWidth), y + LargeGlyphOffsetY, Color.Black);
            }
        }

        public void Refresh(bool full)
        {
            _panel.Flush();
            if (full)
            {
                _panel.PerformFullRefresh();
            }
            else
            {
                _panel.PerformPartialRefresh();
            }
        }

        public void Sleep()
        {
            // Deep sleep mode 2 draws about a microamp and keeps the image; the next wake re-initialises the panel.
            _panel.PowerDown(SleepMode.DeepSleepModeTwo);
        }
    }
}
