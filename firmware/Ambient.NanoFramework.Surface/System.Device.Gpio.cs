// Package: nanoFramework.System.Device.Gpio 1.1.62 (namespace System.Device.Gpio).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.7); never runs.

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public class PinValueChangedEventArgs : EventArgs
    {
        public PinEventTypes ChangeType => throw new NotImplementedException();

        public int PinNumber => throw new NotImplementedException();
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    public struct PinValue
    {
        public static PinValue High => throw new NotImplementedException();

        public static PinValue Low => throw new NotImplementedException();

        public static bool operator ==(PinValue a, PinValue b)
        {
            throw new NotImplementedException();
        }

        public static bool operator !=(PinValue a, PinValue b)
        {
            throw new NotImplementedException();
        }

        public override bool Equals(object obj)
        {
            throw new NotImplementedException();
        }

        public override int GetHashCode()
        {
            throw new NotImplementedException();
        }
    }

    public class GpioPin : IDisposable
    {
        public TimeSpan DebounceTimeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public event PinValueChangedEventHandler ValueChanged
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        public PinValue Read()
        {
            throw new NotImplementedException();
        }

        public void Write(PinValue value)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }

    public class GpioController : IDisposable
    {
        public GpioController()
        {
            throw new NotImplementedException();
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
