using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// NOR flash as the ring buffer sees it: erase sets 0xFF, programming ANDs bits in, and a power cut can be armed to
/// hit during the N-th program or erase, leaving it half done. Counts erases per sector to show wear spreading.
/// </summary>
public sealed class SimulatedFlash : IFlashRegion
{
    private readonly byte[] _cells;
    private int _cutAfterOperations = -1;

    public SimulatedFlash(int sectorSize = 4096, int sectorCount = 4)
    {
        SectorSize = sectorSize;
        SectorCount = sectorCount;
        _cells = new byte[sectorSize * sectorCount];
        Array.Fill(_cells, (byte)0xFF);
        EraseCounts = new int[sectorCount];
    }

    public int SectorSize { get; }

    public int SectorCount { get; }

    public int[] EraseCounts { get; }

    /// <summary>Makes the <paramref name="operations"/>-th next program/erase tear halfway and throw <see cref="PowerCutException"/>.</summary>
    public void CutPowerDuring(int operations) => _cutAfterOperations = operations;

    public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(_cells, address, buffer, offset, count);

    public void Program(int address, byte[] data, int offset, int count)
    {
        var written = Tear(count);
        for (var i = 0; i < written; i++)
        {
            _cells[address + i] &= data[offset + i];
        }

        if (written < count)
        {
            throw new PowerCutException();
        }
    }

    public void EraseSector(int sector)
    {
        var erased = Tear(SectorSize);
        Array.Fill(_cells, (byte)0xFF, sector * SectorSize, erased);
        EraseCounts[sector]++;
        if (erased < SectorSize)
        {
            throw new PowerCutException();
        }
    }

    private int Tear(int count)
    {
        if (_cutAfterOperations < 0)
        {
            return count;
        }

        if (_cutAfterOperations-- > 0)
        {
            return count;
        }

        _cutAfterOperations = -1;
        return count / 2;
    }
}
