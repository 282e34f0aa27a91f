using System;
using System.IO;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// ISettingsStore over the internal littlefs drive: one 4-byte file per key (nanoFramework has no NVS or RTC-memory
    /// API, shared/reference/nanoframework.md §4.4). A write that does not change the value touches no flash.
    /// </summary>
    public sealed class FileSettingsStore : ISettingsStore
    {
        private readonly string _pathPrefix;

        /// <summary>Key k lives in pathPrefix + k + ".bin" (e.g. I:\set-upload.last.bin); keys are file-name safe.</summary>
        public FileSettingsStore(string pathPrefix)
        {
            _pathPrefix = pathPrefix;
        }

        public int ReadInt(string key, int fallback)
        {
            string path = _pathPrefix + key + ".bin";
            if (!File.Exists(path))
            {
                return fallback;
            }

            byte[] bytes = File.ReadAllBytes(path);
            return bytes.Length == 4 ? BitConverter.ToInt32(bytes, 0) : fallback;
        }

        public void WriteInt(string key, int value)
        {
            string path = _pathPrefix + key + ".bin";
            if (File.Exists(path))
            {
                byte[] old = File.ReadAllBytes(path);
                if (old.Length == 4 && BitConverter.ToInt32(old, 0) == value)
                {
                    return;
                }
            }

            File.WriteAllBytes(path, BitConverter.GetBytes(value));
        }
    }
}
