using System;
using System.IO;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IFlashRegion over files on the internal littlefs drive (I:), one preallocated file per sector, read and written
    /// whole with File.ReadAllBytes/WriteAllBytes (nanoFramework.System.IO.FileSystem). NOR rules are kept on top of it
    /// so the ring buffer sees the same medium as on the simulator: erase fills a sector with 0xFF, programming can only
    /// clear bits. littlefs is copy-on-write, so a power cut leaves a sector file either old or new, never torn.
    /// </summary>
    public sealed class FileFlashRegion : IFlashRegion
    {
        private readonly string _pathPrefix;
        private int _cachedSector = -1;
        private byte[] _cached;

        /// <summary>Sector n lives in pathPrefix + n + ".bin" (e.g. I:\ring-3.bin); missing sector files are created erased.</summary>
        public FileFlashRegion(string pathPrefix, int sectorSize, int sectorCount)
        {
            _pathPrefix = pathPrefix;
            SectorSize = sectorSize;
            SectorCount = sectorCount;
            for (int sector = 0; sector < sectorCount; sector++)
            {
                if (!File.Exists(PathOf(sector)))
                {
                    EraseSector(sector);
                }
            }
        }

        public int SectorSize { get; }

        public int SectorCount { get; }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            while (count > 0)
            {
                int sector = address / SectorSize;
                int inSector = address % SectorSize;
                int chunk = SectorSize - inSector < count ? SectorSize - inSector : count;
                Array.Copy(Load(sector), inSector, buffer, offset, chunk);
                address += chunk;
                offset += chunk;
                count -= chunk;
            }
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            CheckRange(address, count);
            while (count > 0)
            {
                int sector = address / SectorSize;
                int inSector = address % SectorSize;
                int chunk = SectorSize - inSector < count ? SectorSize - inSector : count;
                byte[] contents = Load(sector);
                for (int i = 0; i < chunk; i++)
                {
                    contents[inSector + i] &= data[offset + i];
                }

                File.WriteAllBytes(PathOf(sector), contents);
                address += chunk;
                offset += chunk;
                count -= chunk;
            }
        }

        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new ArgumentOutOfRangeException(nameof(sector));
            }

            byte[] erased = new byte[SectorSize];
            for (int i = 0; i < erased.Length; i++)
            {
                erased[i] = 0xFF;
            }

            File.WriteAllBytes(PathOf(sector), erased);
            _cachedSector = sector;
            _cached = erased;
        }

        /// <summary>The sector's bytes; the last one used stays in RAM because the ring buffer reads headers often.</summary>
        private byte[] Load(int sector)
        {
            if (sector != _cachedSector)
            {
                byte[] contents = File.ReadAllBytes(PathOf(sector));
                if (contents.Length != SectorSize)
                {
                    throw new IOException("flash sector file has the wrong size: " + PathOf(sector));
                }

                _cached = contents;
                _cachedSector = sector;
            }

            return _cached;
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || address + count > SectorSize * SectorCount)
            {
                throw new ArgumentOutOfRangeException(nameof(address));
            }
        }

        private string PathOf(int sector)
        {
            return _pathPrefix + sector.ToString() + ".bin";
        }
    }
}
