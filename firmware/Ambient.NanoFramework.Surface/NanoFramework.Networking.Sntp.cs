// Package: nanoFramework.Networking.Sntp 1.6.42 (namespace nanoFramework.Networking).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.2); never runs.

using System;

namespace nanoFramework.Networking
{
    public static class Sntp
    {
        public static void Start()
        {
            throw new NotImplementedException();
        }

        public static void UpdateNow()
        {
            throw new NotImplementedException();
        }

        public static bool IsStarted => throw new NotImplementedException();
    }
}
