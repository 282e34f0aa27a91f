using System;
using Ambient.Protocol;
using Ambient.Protocol.Audio;

namespace Ambient.Firmware.Audio
{
    /// <summary>
    /// Playback buffer for a downlink audio stream (the earbud's speech): takes <see cref="AudioChunkMessage"/>s in
    /// any order, duplicated or with gaps, and hands out 16-bit PCM in order through <see cref="Read"/>.
    /// <para>
    /// Playback starts once <see cref="StartMilliseconds"/> of audio is buffered or the last chunk is in, which
    /// rides out network jitter and leaves time to re-request a lost chunk: <see cref="TryTakeMissing"/> names
    /// each gap (a chunk missing below the highest one received) once. A chunk still missing when its turn comes
    /// is bridged with silence as long as a chunk: the previous sound fades to zero over <see cref="FadeSamples"/>
    /// samples and the next chunk fades in over as many, so the speaker never jumps from a loud sample to 0 (a
    /// click). Each chunk decodes from its own header state (predictor, step index), so a gap costs only its own
    /// samples. When nothing later has arrived either, that is an underrun: fade out, and buffer again.
    /// </para>
    /// <para>
    /// Memory is bounded: <see cref="Capacity"/> chunk slots, indexed by chunk index modulo the capacity; a chunk
    /// further ahead than that is refused (<see cref="ChunkAcceptance.OutOfWindow"/>), so the sender should pace
    /// the stream to about real time plus the start buffer. The slots keep the decoded messages themselves (no
    /// copy); Read decodes straight into the caller's buffer and allocates nothing. Stream ids must differ from
    /// one stream to the next: a chunk with the id of the stream just played counts as a late copy of it.
    /// Offer and Read may run on different threads (MQTT
    /// receive, audio); a lock keeps them apart. Chunk indexes are not expected to wrap (u16: more
    /// than 65535 chunks is hours of speech).
    /// </para>
    /// </summary>
    public sealed class JitterBuffer
    {
        public const int DefaultCapacity = 32;

        /// <summary>Audio buffered before playback starts.</summary>
        public const int StartMilliseconds = 300;

        /// <summary>Length of the fades around a gap (4 ms at 16 kHz): short enough to keep the words, long enough not to click.</summary>
        public const int FadeSamples = 64;

        private readonly AudioChunkMessage[] slots;
        private readonly bool[] reported;
        private readonly ImaAdpcmDecoder decoder = new ImaAdpcmDecoder();

        // Offer runs on the MQTT receive thread, Read on the audio thread.
        private readonly object gate = new object();

        private int playIndex;
        private int highestIndex;
        private int finalIndex;
        private bool finalArrived;
        private int chunkSamples;

        private AudioChunkMessage current;
        private int currentPosition;
        private int currentSamples;

        private int silenceLeft;
        private int silenceLength;
        private int fadeFrom;
        private int fadeInLeft;
        private int lastSample;

        public JitterBuffer()
            : this(DefaultCapacity)
        {
        }

        public JitterBuffer(int capacity)
        {
            if (capacity < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }

            slots = new AudioChunkMessage[capacity];
            reported = new bool[capacity];
            Reset();
        }

        public int Capacity
        {
            get { return slots.Length; }
        }

        public JitterBufferState State { get; private set; }

        /// <summary>The stream being buffered or played; −1 when idle.</summary>
        public int StreamId { get; private set; }

        /// <summary>Sample rate of the stream (from its chunks); 0 when idle.</summary>
        public int SampleRate { get; private set; }

        /// <summary>Samples in chunks received and not yet started.</summary>
        public int BufferedSamples { get; private set; }

        /// <summary>Chunks of this stream bridged with silence because they never arrived.</summary>
        public int SkippedChunks { get; private set; }

        /// <summary>Forgets the stream; the next chunk starts a new one.</summary>
        public void Reset()
        {
            lock (gate)
            {
                ClearStream();
                State = JitterBufferState.Idle;
                StreamId = -1;
                SampleRate = 0;
                silenceLeft = 0;
                lastSample = 0;
            }
        }

        /// <summary>Stores a chunk for playback; a new stream id drops the old stream (fading out what was playing).</summary>
        public ChunkAcceptance Offer(AudioChunkMessage chunk)
        {
            lock (gate)
            {
                int samples = SamplesIn(chunk);
                if (samples <= 0)
                {
                    return ChunkAcceptance.Unsupported;
                }

                if (State == JitterBufferState.Idle || chunk.StreamId != StreamId)
                {
                    StartStream(chunk);
                }

                // The stream's count, or the Final flag of a live stream, names its last chunk.
                if (chunk.Count > 0 && (finalIndex < 0 || chunk.Count - 1 < finalIndex))
                {
                    finalIndex = chunk.Count - 1;
                }

                int index = chunk.Index;
                if (index < playIndex)
                {
                    return ChunkAcceptance.Late;
                }

                if (index >= playIndex + slots.Length || (finalIndex >= 0 && index > finalIndex))
                {
                    return ChunkAcceptance.OutOfWindow;
                }

                int slot = index % slots.Length;
                if (slots[slot] != null)
                {
                    return ChunkAcceptance.Duplicate;
                }

                slots[slot] = chunk;
                reported[slot] = false;
                BufferedSamples += samples;
                if (samples > chunkSamples)
                {
                    chunkSamples = samples;
                }

                if (index > highestIndex)
                {
                    highestIndex = index;
                }

                if ((chunk.AudioFlags & AudioFlags.Final) != 0 && (finalIndex < 0 || index < finalIndex))
                {
                    finalIndex = index;
                }

                if (index == finalIndex)
                {
                    finalArrived = true;
                }

                if (State == JitterBufferState.Buffering
                    && (finalArrived || BufferedSamples >= SampleRate / 1000 * StartMilliseconds))
                {
                    State = JitterBufferState.Playing;
                }

                return ChunkAcceptance.Accepted;
            }
        }

        /// <summary>
        /// Says no more chunks will come (the app's timeout after the last one it got): playback starts or goes
        /// on, chunks still missing are bridged with silence, and the stream ends after the last chunk known
        /// (the stream's count, or else the highest index received). Without it a stream whose last chunk is lost
        /// would wait for it for ever.
        /// </summary>
        public void Complete()
        {
            lock (gate)
            {
                if (State != JitterBufferState.Buffering && State != JitterBufferState.Playing)
                {
                    return;
                }

                if (finalIndex < 0)
                {
                    finalIndex = highestIndex >= playIndex ? highestIndex : playIndex - 1;
                }

                finalArrived = true;
                State = JitterBufferState.Playing;
            }
        }

        /// <summary>
        /// Names a chunk that is missing while a later one has arrived, each one once, so the app can ask for it
        /// again; false when there is none (to report).
        /// </summary>
        public bool TryTakeMissing(out int index)
        {
            lock (gate)
            {
                int last = highestIndex < playIndex + slots.Length ? highestIndex : playIndex + slots.Length - 1;
                for (int i = playIndex; i < last; i++)
                {
                    int slot = i % slots.Length;
                    if (slots[slot] == null && !reported[slot])
                    {
                        reported[slot] = true;
                        index = i;
                        return true;
                    }
                }

                index = -1;
                return false;
            }
        }

        /// <summary>
        /// Writes up to <paramref name="sampleCount"/> samples of 16-bit little-endian PCM at
        /// <paramref name="offset"/>; returns how many. While playing the count is filled (audio, or faded silence
        /// for a lost chunk); fewer come back when playback stops: an underrun (after a fade to zero; then 0 until
        /// buffered again) or the end of the stream. 0 while idle or buffering.
        /// </summary>
        public int Read(byte[] pcm, int offset, int sampleCount)
        {
            lock (gate)
            {
                if (sampleCount < 0 || offset < 0 || offset + (sampleCount * 2) > pcm.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(sampleCount));
                }

                int written = 0;
                while (written < sampleCount)
                {
                    if (silenceLeft > 0)
                    {
                        written += WriteSilence(pcm, offset + (written * 2), sampleCount - written);
                        continue;
                    }

                    if (State != JitterBufferState.Playing)
                    {
                        break;
                    }

                    if (current != null)
                    {
                        written += WriteAudio(pcm, offset + (written * 2), sampleCount - written);
                        continue;
                    }

                    NextChunk();
                }

                return written;
            }
        }

        // Moves playback to the next chunk: starts it, bridges it when lost, or stops (underrun or end).
        private void NextChunk()
        {
            if ((finalIndex >= 0 || finalArrived) && playIndex > finalIndex)
            {
                FadeToRest();
                State = JitterBufferState.Ended;
                return;
            }

            int slot = playIndex % slots.Length;
            AudioChunkMessage chunk = slots[slot];
            if (chunk != null)
            {
                slots[slot] = null;
                reported[slot] = false;
                current = chunk;
                currentPosition = 0;
                currentSamples = SamplesIn(chunk);
                BufferedSamples -= currentSamples;
                if (chunk.Format == AudioFormat.ImaAdpcm)
                {
                    decoder.Reset(chunk.Predictor, chunk.StepIndex);
                }

                playIndex++;
                return;
            }

            if (highestIndex > playIndex || finalArrived)
            {
                // Lost: later audio is here, so this chunk's time has come. Bridge it with silence its length.
                reported[slot] = false;
                playIndex++;
                SkippedChunks++;
                Bridge(chunkSamples > FadeSamples ? chunkSamples : FadeSamples);
                fadeInLeft = FadeSamples;
                return;
            }

            // Underrun: nothing after this point has arrived yet. Fade out and buffer up again.
            FadeToRest();
            fadeInLeft = FadeSamples;
            State = JitterBufferState.Buffering;
        }

        private int WriteAudio(byte[] pcm, int offset, int count)
        {
            int n = currentSamples - currentPosition;
            if (n > count)
            {
                n = count;
            }

            if (current.Format == AudioFormat.ImaAdpcm)
            {
                decoder.Decode(current.Data, 0, currentPosition, n, pcm, offset);
            }
            else
            {
                Array.Copy(current.Data, currentPosition * 2, pcm, offset, n * 2);
            }

            for (int i = 0; i < n && fadeInLeft > 0; i++)
            {
                // Linear fade-in: the first sample after a gap is 0, the ramp reaches full level after FadeSamples.
                int o = offset + (i * 2);
                int sample = (short)(pcm[o] | (pcm[o + 1] << 8)) * (FadeSamples - fadeInLeft) / FadeSamples;
                pcm[o] = (byte)sample;
                pcm[o + 1] = (byte)(sample >> 8);
                fadeInLeft--;
            }

            int lastOffset = offset + ((n - 1) * 2);
            lastSample = (short)(pcm[lastOffset] | (pcm[lastOffset + 1] << 8));
            currentPosition += n;
            if (currentPosition == currentSamples)
            {
                current = null;
            }

            return n;
        }

        // Silence of `length` samples whose first FadeSamples ramp linearly from the last sample played to 0.
        private void Bridge(int length)
        {
            fadeFrom = lastSample;
            silenceLength = length;
            silenceLeft = length;
        }

        // Just the ramp to 0, where playback stops; nothing when it already rests at 0.
        private void FadeToRest()
        {
            if (lastSample != 0)
            {
                Bridge(FadeSamples);
            }
        }

        private int WriteSilence(byte[] pcm, int offset, int count)
        {
            int n = silenceLeft < count ? silenceLeft : count;
            int k = silenceLength - silenceLeft;
            int sample = 0;
            for (int i = 0; i < n; i++, k++)
            {
                sample = k < FadeSamples ? fadeFrom * (FadeSamples - 1 - k) / FadeSamples : 0;
                pcm[offset + (i * 2)] = (byte)sample;
                pcm[offset + (i * 2) + 1] = (byte)(sample >> 8);
            }

            silenceLeft -= n;
            lastSample = sample;
            return n;
        }

        private void StartStream(AudioChunkMessage chunk)
        {
            if (State == JitterBufferState.Playing && silenceLeft == 0)
            {
                // Cut off mid-sentence by a new stream: fade what was playing rather than stop on a loud sample.
                FadeToRest();
            }

            ClearStream();
            StreamId = chunk.StreamId;
            SampleRate = chunk.SampleRate;
            State = JitterBufferState.Buffering;
        }

        private void ClearStream()
        {
            for (int i = 0; i < slots.Length; i++)
            {
                slots[i] = null;
                reported[i] = false;
            }

            playIndex = 0;
            highestIndex = -1;
            finalIndex = -1;
            finalArrived = false;
            chunkSamples = 0;
            current = null;
            currentPosition = 0;
            currentSamples = 0;
            BufferedSamples = 0;
            SkippedChunks = 0;

            // Every stream fades in: it may follow a cut-off one, and 4 ms of fade is inaudible on speech.
            fadeInLeft = FadeSamples;
        }

        // Samples a chunk holds, or 0 when it cannot be played.
        private static int SamplesIn(AudioChunkMessage chunk)
        {
            if (chunk == null || chunk.Data == null || chunk.Data.Length == 0)
            {
                return 0;
            }

            if (chunk.Format == AudioFormat.ImaAdpcm)
            {
                return ImaAdpcm.IsValidStepIndex(chunk.StepIndex) ? ImaAdpcm.SampleCount(chunk.Data.Length) : 0;
            }

            return chunk.Format == AudioFormat.Pcm16 && (chunk.Data.Length & 1) == 0 ? chunk.Data.Length / 2 : 0;
        }
    }
}
