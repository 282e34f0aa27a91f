using System;

namespace Ambient.Firmware.Audio
{
    /// <summary>
    /// Voice-activity gate for the I2S microphone (16 kHz, 16-bit little-endian mono), one 20 ms block of
    /// <see cref="BlockSamples"/> samples at a time, so that only speech goes on the air.
    /// <para>
    /// Per block it looks at every <see cref="Decimation"/>th sample only (a per-sample managed loop at 16 kHz is
    /// beyond the interpreter's budget, shared/reference/nanoframework.md §5): the mean absolute level, and the
    /// zero-crossing rate around a tracked DC offset (MEMS microphones have one; without removing it a quiet
    /// signal would cross zero never). A block is speech when its level is at least
    /// <see cref="SpeechToFloorRatio"/>× the adaptive noise floor and <see cref="MinSpeechLevel"/>, and its
    /// crossing rate is between <see cref="MinCrossingRate"/> and <see cref="MaxCrossingRate"/> per second
    /// (the classic energy + ZCR detector: L. R. Rabiner, M. R. Sambur, "An algorithm for determining the
    /// endpoints of isolated utterances", Bell Syst. Tech. J. 54(2), 1975).
    /// </para>
    /// <para>
    /// The crossing bounds decide what a steady tone does. Mains hum (50/60 Hz: 100–120 crossings/s, and the
    /// 100/120 Hz of rectifier hum: at most 5 crossings, 250/s, in a 20 ms block) is under the lower bound and
    /// never opens the gate. White noise crosses at about half the analysed rate (16 kHz / 2 / 2 = 4000/s), over
    /// the upper bound. A loud steady tone inside the voice
    /// band (a 1 kHz test tone, a 440 Hz beep, whistling) does open it, like a sustained vowel would:
    /// telling those apart needs more than energy and ZCR, and is left to the wake-word detector on the gateway;
    /// <see cref="MaxOpenBlocks"/> keeps such a sound from holding the gate open for good.
    /// </para>
    /// <para>
    /// The noise floor falls fast (a quarter of the way per block) and rises slowly (1/128 per block, ~2.6 s,
    /// while closed; 1/1024 while open or on speech, so a long sentence does not raise its own threshold).
    /// Opening needs <see cref="OnsetBlocks"/> speech blocks in a row; the gate closes on the
    /// <see cref="HangoverBlocks"/>th non-speech block in a row, so pauses between syllables and words do not cut
    /// the utterance; the last <see cref="PreRollBlocks"/> blocks are always kept so the soft start of
    /// the first word, which came before the onset was confirmed, is sent too.
    /// </para>
    /// Allocation-free after construction.
    /// </summary>
    public sealed class VoiceActivityGate
    {
        public const int SampleRate = 16000;
        public const int BlockSamples = 320;
        public const int BlockBytes = BlockSamples * 2;
        public const int BlockMilliseconds = BlockSamples * 1000 / SampleRate;

        /// <summary>
        /// Only every 2nd sample is analysed: 160 per block, 8000 a second. Every 4th would halve the cost again,
        /// but at an analysed rate of 4 kHz everything above 2 kHz folds down onto the voice band, and the two
        /// overlap: measured on the test vowels, "father" crossed up to 1750 times a second while white noise
        /// ranged 1500–2650 (mean 2000). At 8 kHz the vowels stay at or under 2050 a second and noise at or over
        /// 2850 (mean 4000), so <see cref="MaxCrossingRate"/> separates them.
        /// </summary>
        public const int Decimation = 2;

        /// <summary>Speech blocks in a row before the gate opens (60 ms).</summary>
        public const int OnsetBlocks = 3;

        /// <summary>
        /// Non-speech blocks in a row that end an utterance (300 ms): the first 14 report Hangover, the 15th Ended,
        /// so the gate closes at most 300 ms plus the block in which speech ended after the end of speech, and a
        /// pause shorter than that keeps it open.
        /// </summary>
        public const int HangoverBlocks = 15;

        /// <summary>Blocks kept from before the onset, including the block that opened the gate (200 ms).</summary>
        public const int PreRollBlocks = 10;

        /// <summary>The longest utterance (10 s): then the gate closes and the floor restarts from the current level.</summary>
        public const int MaxOpenBlocks = 500;

        /// <summary>Mean absolute level a speech block must reach in any case (about −50 dBFS).</summary>
        public const int MinSpeechLevel = 100;

        /// <summary>Speech is at least this many times the noise floor (+9.5 dB).</summary>
        public const int SpeechToFloorRatio = 3;

        /// <summary>Lowest zero-crossing rate of speech, crossings per second (a tone of f Hz crosses 2f times).</summary>
        public const int MinCrossingRate = 300;

        /// <summary>
        /// Highest zero-crossing rate of (voiced) speech, crossings per second: 550 above the test vowels, about
        /// 4.5 standard deviations under white noise (4000 ± 320 a second at the analysed rate).
        /// </summary>
        public const int MaxCrossingRate = 2600;

        private const int FloorShift = 8;
        private const int FallShift = 2;
        private const int ClosedRiseShift = 7;
        private const int OpenRiseShift = 10;

        private readonly byte[] preRoll = new byte[PreRollBlocks * BlockBytes];
        private int preRollNext;
        private int preRollBlocks;

        private bool primed;
        private int floorQ8;
        private int dc;
        private bool positive;
        private int run;
        private int hangoverLeft;
        private int openBlocks;

        public VoiceActivityGate()
        {
            Reset();
        }

        /// <summary>The state after the last block.</summary>
        public VoiceGateState State { get; private set; }

        /// <summary>True while the gate is open (speech starting, speech or hangover).</summary>
        public bool IsOpen
        {
            get { return State == VoiceGateState.SpeechStarting || State == VoiceGateState.Speech || State == VoiceGateState.Hangover; }
        }

        /// <summary>Mean absolute level of the last block (analysed samples, DC removed).</summary>
        public int Level { get; private set; }

        /// <summary>Zero crossings per second in the last block.</summary>
        public int CrossingRate { get; private set; }

        /// <summary>The noise floor the next block is compared with (mean absolute level).</summary>
        public int NoiseFloor
        {
            get { return floorQ8 >> FloorShift; }
        }

        /// <summary>Bytes <see cref="CopyPreRoll"/> writes: the last blocks processed, at most <see cref="PreRollBlocks"/>.</summary>
        public int PreRollByteCount
        {
            get { return preRollBlocks * BlockBytes; }
        }

        public void Reset()
        {
            State = VoiceGateState.Silence;
            Level = 0;
            CrossingRate = 0;
            primed = false;
            floorQ8 = 1 << FloorShift;
            dc = 0;
            positive = true;
            run = 0;
            hangoverLeft = 0;
            openBlocks = 0;
            preRollNext = 0;
            preRollBlocks = 0;
        }

        /// <summary>Processes the <see cref="BlockBytes"/> bytes of PCM at <paramref name="offset"/>.</summary>
        public VoiceGateState Process(byte[] pcm, int offset)
        {
            if (offset < 0 || offset + BlockBytes > pcm.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            Array.Copy(pcm, offset, preRoll, preRollNext * BlockBytes, BlockBytes);
            preRollNext = preRollNext + 1 == PreRollBlocks ? 0 : preRollNext + 1;
            if (preRollBlocks < PreRollBlocks)
            {
                preRollBlocks++;
            }

            bool speech = Analyse(pcm, offset);
            bool wasOpen = IsOpen;
            State = wasOpen ? Continue(speech) : Listen(speech);
            AdaptFloor(speech, wasOpen);
            return State;
        }

        /// <summary>
        /// Copies the pre-roll, oldest block first (after <see cref="VoiceGateState.SpeechStarting"/> it ends with
        /// the block that opened the gate); returns the bytes written, <see cref="PreRollByteCount"/>.
        /// </summary>
        public int CopyPreRoll(byte[] destination, int offset)
        {
            int bytes = PreRollByteCount;
            if (offset < 0 || offset + bytes > destination.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            // Until the ring has wrapped the blocks lie in order from 0; afterwards the oldest is the one the
            // next block will overwrite.
            int oldest = preRollBlocks < PreRollBlocks ? 0 : preRollNext;
            int head = bytes - (oldest * BlockBytes);
            Array.Copy(preRoll, oldest * BlockBytes, destination, offset, head);
            Array.Copy(preRoll, 0, destination, offset + head, bytes - head);

            return bytes;
        }

        private VoiceGateState Listen(bool speech)
        {
            run = speech ? run + 1 : 0;
            if (run < OnsetBlocks)
            {
                return VoiceGateState.Silence;
            }

            run = 0;
            hangoverLeft = HangoverBlocks;
            openBlocks = 1;
            return VoiceGateState.SpeechStarting;
        }

        private VoiceGateState Continue(bool speech)
        {
            openBlocks++;
            if (openBlocks > MaxOpenBlocks)
            {
                // Nobody speaks for 10 s without a pause: a steady sound has been taken for speech. Close, and
                // let the floor start again from here so the same sound does not reopen the gate.
                floorQ8 = Level << FloorShift;
                return VoiceGateState.Ended;
            }

            if (speech)
            {
                hangoverLeft = HangoverBlocks;
                return VoiceGateState.Speech;
            }

            hangoverLeft--;
            return hangoverLeft > 0 ? VoiceGateState.Hangover : VoiceGateState.Ended;
        }

        // One pass over every Decimation-th sample: level around the DC estimate, crossings of it, and the mean
        // for the next block's DC estimate.
        private bool Analyse(byte[] pcm, int offset)
        {
            int end = offset + BlockBytes;
            int sum = 0;
            int absolute = 0;
            int crossings = 0;
            int bias = dc;
            bool above = positive;
            if (!primed)
            {
                bias = (short)(pcm[offset] | (pcm[offset + 1] << 8));
                above = true;
            }

            for (int i = offset; i < end; i += 2 * Decimation)
            {
                int s = (short)(pcm[i] | (pcm[i + 1] << 8)) - bias;
                sum += s;
                if (s < 0)
                {
                    absolute -= s;
                    if (above)
                    {
                        crossings++;
                        above = false;
                    }
                }
                else
                {
                    absolute += s;
                    if (!above)
                    {
                        crossings++;
                        above = true;
                    }
                }
            }

            const int analysed = BlockSamples / Decimation;
            positive = above;
            Level = absolute / analysed;
            CrossingRate = crossings * (1000 / BlockMilliseconds);
            int mean = bias + (sum / analysed);
            dc = primed ? dc + ((mean - dc) >> 3) : mean;
            if (!primed)
            {
                primed = true;
                floorQ8 = (Level < 1 ? 1 : Level) << FloorShift;
            }

            return Level >= MinSpeechLevel
                && Level >= SpeechToFloorRatio * NoiseFloor
                && CrossingRate >= MinCrossingRate
                && CrossingRate <= MaxCrossingRate;
        }

        private void AdaptFloor(bool speech, bool wasOpen)
        {
            if (State == VoiceGateState.Ended && openBlocks > MaxOpenBlocks)
            {
                return;
            }

            int target = Level << FloorShift;
            if (target < floorQ8)
            {
                floorQ8 += (target - floorQ8) >> FallShift;
            }
            else
            {
                floorQ8 += (target - floorQ8) >> (speech || wasOpen ? OpenRiseShift : ClosedRiseShift);
            }

            if (floorQ8 < 1 << FloorShift)
            {
                floorQ8 = 1 << FloorShift;
            }
        }
    }
}
