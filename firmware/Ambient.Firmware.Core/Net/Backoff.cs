using System;

namespace Ambient.Firmware.Net
{
    /// <summary>
    /// Exponential back-off with "equal jitter" (half fixed, half random), so a house full of devices that lost the
    /// gateway together does not reconnect in lock-step. Pure: the caller sleeps.
    /// </summary>
    public sealed class Backoff
    {
        private readonly int _baseMilliseconds;
        private readonly int _capMilliseconds;
        private readonly Random _random;
        private int _attempt;

        public Backoff(int baseMilliseconds, int capMilliseconds, Random random)
        {
            _baseMilliseconds = baseMilliseconds;
            _capMilliseconds = capMilliseconds;
            _random = random;
        }

        public int Attempts
        {
            get { return _attempt; }
        }

        /// <summary>The wait before the next attempt: between half and all of min(cap, base·2^attempt).</summary>
        public int NextDelay()
        {
            long ceiling = _baseMilliseconds;
            for (int i = 0; i < _attempt && ceiling < _capMilliseconds; i++)
            {
                ceiling *= 2;
            }

            if (ceiling > _capMilliseconds)
            {
                ceiling = _capMilliseconds;
            }

            _attempt++;
            int half = (int)(ceiling / 2);
            return half + _random.Next(half + 1);
        }

        public void Reset()
        {
            _attempt = 0;
        }
    }
}
