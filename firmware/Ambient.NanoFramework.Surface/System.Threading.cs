// Package: nanoFramework.System.Threading 1.1.52 (namespace System.Threading).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §3, §4.1); never runs.

namespace System.Threading
{
    public struct CancellationToken
    {
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource(int millisecondsDelay)
        {
            throw new NotImplementedException();
        }

        public CancellationToken Token => throw new NotImplementedException();

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
