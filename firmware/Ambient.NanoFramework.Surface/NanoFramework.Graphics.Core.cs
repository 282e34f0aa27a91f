// Package: nanoFramework.Graphics.Core 1.2.53 (namespace System.Drawing).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.11: colours for the
// e-paper driver); never runs.

namespace System.Drawing
{
    public struct Color
    {
        public static Color Black => throw new NotImplementedException();
    }
}
