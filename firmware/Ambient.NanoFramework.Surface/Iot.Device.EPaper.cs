// Package: nanoFramework.Iot.Device.ePaper 1.0.700 (namespaces Iot.Device.EPaper, Iot.Device.EPaper.Drivers,
// Iot.Device.EPaper.Drivers.Ssd168x, Iot.Device.EPaper.Drivers.Ssd168x.Ssd1680, Iot.Device.EPaper.Enums,
// Iot.Device.EPaper.Fonts).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.11); never runs.

using System;
using System.Device.Gpio;
using System.Device.Spi;
using System.Drawing;
using Iot.Device.EPaper.Drivers;
using Iot.Device.EPaper.Enums;
using Iot.Device.EPaper.Fonts;

namespace Iot.Device.EPaper.Enums
{
    public enum Rotation
    {
        Default,
        Degrees90Clockwise,
        Degrees180Clockwise,
        Degrees270Clockwise,
    }
}

namespace Iot.Device.EPaper.Fonts
{
    public interface IFont
    {
    }

    /// <summary>The package's built-in 8×12 bitmap font.</summary>
    public class Font8x12 : IFont
    {
    }
}

namespace Iot.Device.EPaper.Drivers
{
    public interface IEPaperDisplay : IDisposable
    {
        void PowerOn();

        void Initialize();

        void Clear(bool triggerPageRefresh = false);

        void Flush();

        bool PerformFullRefresh();

        bool PerformPartialRefresh();
    }
}

namespace Iot.Device.EPaper.Drivers.Ssd168x
{
    public enum SleepMode : byte
    {
        Normal = 0x00,
        DeepSleepModeOne = 0x01,
        DeepSleepModeTwo = 0x11,
    }

    public abstract class Ssd168x : IEPaperDisplay
    {
        public const int SpiClockFrequency = 20_000_000;

        public const SpiMode SpiMode = System.Device.Spi.SpiMode.Mode0;

        public void PowerOn()
        {
            throw new NotImplementedException();
        }

        public void Initialize()
        {
            throw new NotImplementedException();
        }

        public void Clear(bool triggerPageRefresh = false)
        {
            throw new NotImplementedException();
        }

        public void Flush()
        {
            throw new NotImplementedException();
        }

        public bool PerformFullRefresh()
        {
            throw new NotImplementedException();
        }

        public bool PerformPartialRefresh()
        {
            throw new NotImplementedException();
        }

        public void PowerDown(SleepMode sleepMode = SleepMode.Normal)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}

namespace Iot.Device.EPaper.Drivers.Ssd168x.Ssd1680
{
    /// <summary>SSD1680 controller: up to 176 source × 296 gate lines (the 2.9" 128×296 panels).</summary>
    public sealed class Ssd1680 : Ssd168x
    {
        public Ssd1680(
            SpiDevice spiDevice,
            int resetPin,
            int busyPin,
            int dataCommandPin,
            int width,
            int height,
            GpioController gpioController = null,
            bool enableFramePaging = true,
            bool shouldDispose = true)
        {
            throw new NotImplementedException();
        }
    }
}

namespace Iot.Device.EPaper
{
    public sealed class Graphics : IDisposable
    {
        public Graphics(IEPaperDisplay ePaperDisplay)
        {
            throw new NotImplementedException();
        }

        public Rotation DisplayRotation
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public void DrawText(string text, IFont font, int x, int y, Color color)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
