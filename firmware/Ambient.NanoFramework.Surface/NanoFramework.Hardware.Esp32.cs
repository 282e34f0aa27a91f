// Package: nanoFramework.Hardware.Esp32 1.6.40 (namespaces nanoFramework.Hardware.Esp32, nanoFramework.Hardware.Esp32.Touch).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.3, §4.9, §4.13); never runs.

using System;

namespace nanoFramework.Hardware.Esp32
{
    public enum EspNativeError
    {
        OK = 0,
        FAIL = -1,
        NO_MEM = 0x101,
        INVALID_ARG = 0x102,
    }

    public static class Sleep
    {
        public enum WakeupCause
        {
            Undefined = 0,
            All = 1,
            Ext0 = 2,
            Ext1 = 3,
            Timer = 4,
            TouchPad = 5,
            Ulp = 6,
            Gpio = 7,
            Uart = 8,
        }

        /// <summary>One bit per GPIO: Pin<i>n</i> = 1 &lt;&lt; <i>n</i>. Only the RTC-capable pins can wake the chip.</summary>
        [Flags]
        public enum WakeupGpioPin : ulong
        {
            None = 0,
            Pin0 = 1UL << 0,
            Pin2 = 1UL << 2,
            Pin4 = 1UL << 4,
            Pin12 = 1UL << 12,
            Pin13 = 1UL << 13,
            Pin14 = 1UL << 14,
            Pin15 = 1UL << 15,
            Pin25 = 1UL << 25,
            Pin26 = 1UL << 26,
            Pin27 = 1UL << 27,
            Pin32 = 1UL << 32,
            Pin33 = 1UL << 33,
            Pin34 = 1UL << 34,
            Pin35 = 1UL << 35,
            Pin36 = 1UL << 36,
            Pin37 = 1UL << 37,
            Pin38 = 1UL << 38,
            Pin39 = 1UL << 39,
        }

        public static EspNativeError EnableWakeupByTimer(TimeSpan time)
        {
            throw new NotImplementedException();
        }

        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level)
        {
            throw new NotImplementedException();
        }

        public static EspNativeError EnableWakeupByTouchPad(int padNumber1, int padNumber2 = -1, byte thresholdCoefficient = 80)
        {
            throw new NotImplementedException();
        }

        public static EspNativeError StartLightSleep()
        {
            throw new NotImplementedException();
        }

        public static void StartDeepSleep()
        {
            throw new NotImplementedException();
        }

        public static WakeupCause GetWakeupCause()
        {
            throw new NotImplementedException();
        }
    }

    public enum DeviceFunction
    {
        SPI1_MOSI,
        SPI1_MISO,
        SPI1_CLOCK,
        I2C1_DATA,
        I2C1_CLOCK,
        I2S1_BCK,
        I2S1_WS,
        I2S1_MDATA_IN,
        I2S2_BCK,
        I2S2_WS,
        I2S2_DATA_OUT,
    }

    public static class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            throw new NotImplementedException();
        }
    }
}

namespace nanoFramework.Hardware.Esp32.Touch
{
    public class TouchPad
    {
        public TouchPad(int touchPadNumber)
        {
            throw new NotImplementedException();
        }

        public uint Read()
        {
            throw new NotImplementedException();
        }

        public int GetCalibrationData(int count = 5)
        {
            throw new NotImplementedException();
        }
    }
}
