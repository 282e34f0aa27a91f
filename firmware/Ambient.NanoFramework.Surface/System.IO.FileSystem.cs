// Package: nanoFramework.System.IO.FileSystem 1.1.93 (namespace System.IO).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.4); never runs.

namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path)
        {
            throw new NotImplementedException();
        }

        public static byte[] ReadAllBytes(string path)
        {
            throw new NotImplementedException();
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            throw new NotImplementedException();
        }

        public static string ReadAllText(string path)
        {
            throw new NotImplementedException();
        }
    }
}
