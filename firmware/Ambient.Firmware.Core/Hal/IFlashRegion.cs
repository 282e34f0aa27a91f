namespace Ambient.Firmware.Hal
{
    /// <summary>
    /// A region of NOR-flash-like storage: erase sets a whole sector to 0xFF, programming can only clear bits, and a
    /// power cut can leave the last programmed bytes partly written. The ring buffer is built for exactly these rules,
    /// so it survives power loss and spreads erases over all sectors. On the ESP32 the region is a preallocated file on
    /// the internal flash file system; on the simulator an array with power-cut injection.
    /// </summary>
    public interface IFlashRegion
    {
        int SectorSize { get; }

        int SectorCount { get; }

        void Read(int address, byte[] buffer, int offset, int count);

        void Program(int address, byte[] data, int offset, int count);

        void EraseSector(int sector);
    }
}
