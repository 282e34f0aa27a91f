using Ambient.Firmware.Hal;
using Ambient.Protocol;
using Ambient.Protocol.V1;

namespace Ambient.Firmware.Storage
{
    /// <summary>
    /// The flash-backed ring buffer of samples: an append-only log over NOR-flash sectors. Samples stay until an
    /// acknowledgement record says the gateway has them; after a reboot or power loss the log is scanned and the
    /// unacknowledged samples are sent again in order, with their original identity and time.
    /// <para>
    /// Layout per sector: header (magic "AM", generation u32, CRC-16), then records: payload length u16, type u8,
    /// payload, CRC-16 over length+type+payload. Unprogrammed flash reads 0xFF, so a length of 0xFFFF ends a sector.
    /// A record is never rewritten: a torn write (power cut) fails its CRC and closes that sector, and the next append
    /// starts a fresh one. Sectors are erased round-robin, one at a time, only when the log wraps, so erases spread
    /// evenly (at 15-minute sampling a 4 KB sector is erased about once a day per 4 sectors: far below the ~100k
    /// cycle endurance of NOR flash). When the log is full the oldest sector is erased even if it still holds
    /// unacknowledged samples; those are counted in <see cref="Dropped"/>.
    /// </para>
    /// </summary>
    public sealed class ReadingLog
    {
        public const int HeaderLength = 8;
        public const int RecordOverhead = 5;
        private const byte Magic0 = 0x41;
        private const byte Magic1 = 0x4D;
        private const byte SampleType = 1;
        private const byte AckType = 2;
        private const int SamplePrefix = 12;
        private const int ReadingLength = 5;
        private const int AckPayload = 8;

        private readonly IFlashRegion _flash;
        private readonly int _sectorSize;
        private readonly int _sectorCount;

        // Generation stored in each physical sector's header, or -1 when the sector is erased or unusable.
        private readonly long[] _generation;
        // Separate buffers for reading and writing: starting a sector reads the old one while a record waits to be written.
        private readonly byte[] _io = new byte[RecordOverhead + SamplePrefix + (ReadingLength * SampleRecord.MaxReadings)];
        private readonly byte[] _out = new byte[RecordOverhead + SamplePrefix + (ReadingLength * SampleRecord.MaxReadings)];

        private int _active = -1;
        private int _writeOffset;
        private long _ackPosition = -1;

        public ReadingLog(IFlashRegion flash)
        {
            _flash = flash;
            _sectorSize = flash.SectorSize;
            _sectorCount = flash.SectorCount;
            _generation = new long[_sectorCount];
            Recover();
        }

        /// <summary>Unacknowledged samples lost because the log wrapped over them (since this instance started).</summary>
        public int Dropped { get; private set; }

        /// <summary>Records whose CRC failed during recovery (torn writes, corrupted flash).</summary>
        public int Corrupted { get; private set; }

        public int PendingCount { get; private set; }

        /// <summary>Boot id and sequence of the newest stored sample; LastSequence is 0 when the log is empty.</summary>
        public ushort LastBootId { get; private set; }

        public uint LastSequence { get; private set; }

        /// <summary>The sequence number the next sample of <paramref name="bootId"/> gets.</summary>
        public uint NextSequence(ushort bootId)
        {
            return LastSequence != 0 && LastBootId == bootId ? LastSequence + 1 : 1;
        }

        public void Append(SampleRecord sample)
        {
            int length = SamplePrefix + (ReadingLength * sample.Count);
            byte[] b = _out;
            int p = 3;
            p = PutU16(b, p, sample.BootId);
            p = PutU32(b, p, sample.Sequence);
            p = PutU32(b, p, sample.Timestamp);
            b[p++] = sample.TimeUnsynced ? (byte)1 : (byte)0;
            b[p++] = (byte)sample.Count;
            for (int i = 0; i < sample.Count; i++)
            {
                b[p++] = (byte)sample.Kinds[i];
                p = PutU32(b, p, (uint)sample.Values[i]);
            }

            sample.Position = Write(SampleType, length);
            LastBootId = sample.BootId;
            LastSequence = sample.Sequence;
            PendingCount++;
        }

        /// <summary>
        /// Fills <paramref name="buffer"/> with the oldest unacknowledged samples, in order; returns how many.
        /// </summary>
        public int ReadPending(SampleRecord[] buffer)
        {
            int count = 0;
            long from = _ackPosition;
            for (int g = 0; g < _sectorCount && count < buffer.Length; g++)
            {
                int sector = SectorByAge(g);
                if (sector < 0)
                {
                    break;
                }

                int offset = HeaderLength;
                while (count < buffer.Length)
                {
                    int length;
                    byte type;
                    if (!ReadRecord(sector, offset, out type, out length))
                    {
                        break;
                    }

                    long position = Position(sector, offset);
                    if (type == SampleType && position > from)
                    {
                        ParseSample(buffer[count], position);
                        count++;
                    }

                    offset += RecordOverhead + length;
                }
            }

            return count;
        }

        /// <summary>Records that the gateway has every sample up to and including <paramref name="sample"/>.</summary>
        public void Acknowledge(SampleRecord sample)
        {
            PutU64(_out, 3, sample.Position);
            Write(AckType, AckPayload);
            _ackPosition = sample.Position;
            PendingCount = CountPending();
        }

        private long Write(byte type, int length)
        {
            int size = RecordOverhead + length;
            if (_active < 0 || _writeOffset + size > _sectorSize)
            {
                StartSector();
            }

            byte[] b = _out;
            PutU16(b, 0, (ushort)length);
            b[2] = type;
            ushort crc = Crc16.Compute(b, 0, 3 + length);
            PutU16(b, 3 + length, crc);
            long position = Position(_active, _writeOffset);
            _flash.Program((_active * _sectorSize) + _writeOffset, b, 0, size);
            _writeOffset += size;
            return position;
        }

        // Moves appends to the next physical sector, erasing it first (counting any unacknowledged samples lost).
        private void StartSector()
        {
            long newest = -1;
            for (int i = 0; i < _sectorCount; i++)
            {
                if (_generation[i] > newest)
                {
                    newest = _generation[i];
                }
            }

            int next = _active < 0 ? NewestSector() + 1 : _active + 1;
            next = ((next % _sectorCount) + _sectorCount) % _sectorCount;
            if (_generation[next] >= 0)
            {
                Dropped += CountSamplesAfter(next, _ackPosition);
            }

            _flash.EraseSector(next);
            long generation = newest + 1;
            byte[] header = new byte[HeaderLength];
            header[0] = Magic0;
            header[1] = Magic1;
            PutU32(header, 2, (uint)generation);
            PutU16(header, 6, Crc16.Compute(header, 0, 6));
            _flash.Program(next * _sectorSize, header, 0, HeaderLength);
            _generation[next] = generation;
            _active = next;
            _writeOffset = HeaderLength;
            PendingCount = CountPending();
        }

        private void Recover()
        {
            byte[] header = new byte[HeaderLength];
            for (int i = 0; i < _sectorCount; i++)
            {
                _flash.Read(i * _sectorSize, header, 0, HeaderLength);
                bool valid = header[0] == Magic0 && header[1] == Magic1 &&
                             Crc16.Compute(header, 0, 6) == (ushort)(header[6] | (header[7] << 8));
                _generation[i] = valid ? GetU32(header, 2) : -1;
            }

            // Walk every record oldest first: find the newest sample, the newest acknowledgement and the end of data.
            for (int g = 0; g < _sectorCount; g++)
            {
                int sector = SectorByAge(g);
                if (sector < 0)
                {
                    break;
                }

                int offset = HeaderLength;
                int length;
                byte type;
                while (ReadRecord(sector, offset, out type, out length))
                {
                    if (type == SampleType)
                    {
                        LastBootId = (ushort)(_io[3] | (_io[4] << 8));
                        LastSequence = GetU32(_io, 5);
                    }
                    else if (type == AckType)
                    {
                        _ackPosition = (long)GetU64(_io, 3);
                    }

                    offset += RecordOverhead + length;
                }

                if (sector == NewestSector())
                {
                    // Append after the last good record only if the rest of the sector is still blank; anything else
                    // (a torn record) must never be programmed over.
                    _active = IsBlank(sector, offset) ? sector : -1;
                    _writeOffset = offset;
                }
            }

            PendingCount = CountPending();
        }

        private bool ReadRecord(int sector, int offset, out byte type, out int length)
        {
            type = 0;
            length = 0;
            if (offset + RecordOverhead > _sectorSize)
            {
                return false;
            }

            int address = sector * _sectorSize;
            _flash.Read(address + offset, _io, 0, 3);
            length = _io[0] | (_io[1] << 8);
            if (length == 0xFFFF)
            {
                return false;
            }

            if (length + RecordOverhead > _io.Length || offset + RecordOverhead + length > _sectorSize)
            {
                Corrupted++;
                return false;
            }

            _flash.Read(address + offset + 3, _io, 3, length + 2);
            ushort stored = (ushort)(_io[3 + length] | (_io[4 + length] << 8));
            if (Crc16.Compute(_io, 0, 3 + length) != stored)
            {
                Corrupted++;
                return false;
            }

            type = _io[2];
            bool known = (type == SampleType && length >= SamplePrefix && (length - SamplePrefix) % ReadingLength == 0) ||
                         (type == AckType && length == AckPayload);
            if (!known)
            {
                Corrupted++;
            }

            return known;
        }

        private void ParseSample(SampleRecord record, long position)
        {
            record.BootId = (ushort)(_io[3] | (_io[4] << 8));
            record.Sequence = GetU32(_io, 5);
            record.Timestamp = GetU32(_io, 9);
            record.TimeUnsynced = _io[13] != 0;
            int count = _io[14];
            record.Clear();
            int p = 15;
            for (int i = 0; i < count; i++)
            {
                record.Add((SensorKind)_io[p], (int)GetU32(_io, p + 1));
                p += ReadingLength;
            }

            record.Position = position;
        }

        private int CountPending()
        {
            int count = 0;
            for (int i = 0; i < _sectorCount; i++)
            {
                if (_generation[i] >= 0)
                {
                    count += CountSamplesAfter(i, _ackPosition);
                }
            }

            return count;
        }

        private int CountSamplesAfter(int sector, long after)
        {
            int count = 0;
            int offset = HeaderLength;
            int length;
            byte type;
            while (ReadRecord(sector, offset, out type, out length))
            {
                if (type == SampleType && Position(sector, offset) > after)
                {
                    count++;
                }

                offset += RecordOverhead + length;
            }

            return count;
        }

        private bool IsBlank(int sector, int offset)
        {
            int address = sector * _sectorSize;
            while (offset < _sectorSize)
            {
                int chunk = _sectorSize - offset < _io.Length ? _sectorSize - offset : _io.Length;
                _flash.Read(address + offset, _io, 0, chunk);
                for (int i = 0; i < chunk; i++)
                {
                    if (_io[i] != 0xFF)
                    {
                        return false;
                    }
                }

                offset += chunk;
            }

            return true;
        }

        // The physical sector holding the g-th oldest generation, or -1.
        private int SectorByAge(int g)
        {
            int found = -1;
            long previous = -1;
            for (int k = 0; k <= g; k++)
            {
                found = -1;
                long best = long.MaxValue;
                for (int i = 0; i < _sectorCount; i++)
                {
                    if (_generation[i] > previous && _generation[i] < best)
                    {
                        best = _generation[i];
                        found = i;
                    }
                }

                if (found < 0)
                {
                    return -1;
                }

                previous = best;
            }

            return found;
        }

        private int NewestSector()
        {
            int found = -1;
            long best = -1;
            for (int i = 0; i < _sectorCount; i++)
            {
                if (_generation[i] > best)
                {
                    best = _generation[i];
                    found = i;
                }
            }

            return found;
        }

        private long Position(int sector, int offset)
        {
            return (_generation[sector] * _sectorSize) + offset;
        }

        private static int PutU16(byte[] b, int p, ushort v)
        {
            b[p] = (byte)v;
            b[p + 1] = (byte)(v >> 8);
            return p + 2;
        }

        private static int PutU32(byte[] b, int p, uint v)
        {
            b[p] = (byte)v;
            b[p + 1] = (byte)(v >> 8);
            b[p + 2] = (byte)(v >> 16);
            b[p + 3] = (byte)(v >> 24);
            return p + 4;
        }

        private static void PutU64(byte[] b, int p, long v)
        {
            PutU32(b, p, (uint)v);
            PutU32(b, p + 4, (uint)(v >> 32));
        }

        private static uint GetU32(byte[] b, int p)
        {
            return (uint)(b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24));
        }

        private static ulong GetU64(byte[] b, int p)
        {
            return GetU32(b, p) | ((ulong)GetU32(b, p + 4) << 32);
        }
    }
}
