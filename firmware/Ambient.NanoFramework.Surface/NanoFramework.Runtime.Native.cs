// Package: nanoFramework.Runtime.Native 1.7.11 (namespaces nanoFramework.Runtime.Native and System).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §3, §4.14); never runs.

using System;

namespace nanoFramework.Runtime.Native
{
    public static class Rtc
    {
        public static bool SetSystemTime(DateTime time)
        {
            throw new NotImplementedException();
        }
    }
}

namespace System
{
    public static class Environment
    {
        /// <summary>Milliseconds since this boot (restarts at every deep-sleep wake, which is a reboot).</summary>
        public static long TickCount64 => throw new NotImplementedException();
    }
}
