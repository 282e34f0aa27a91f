using Ambient.Firmware.Audio;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Net;
using Ambient.Protocol;
using Ambient.Protocol.Audio;

namespace Ambient.Firmware.Earbud
{
    /// <summary>
    /// Listens through the voice-activity gate and, once speech starts, streams it to the gateway as IMA ADPCM
    /// chunks (the pre-roll first, so the start of the word is not cut), ending the stream when the gate closes.
    /// Work is per 20 ms block; the per-sample work happens in the codec's tight loop and the gate's decimated one.
    /// </summary>
    public sealed class VoiceUplink
    {
        public const int BlocksPerChunk = 5;
        private const int ChunkSamples = BlocksPerChunk * VoiceActivityGate.BlockSamples;

        private readonly VoiceActivityGate _gate = new VoiceActivityGate();
        private readonly ImaAdpcmEncoder _encoder = new ImaAdpcmEncoder();
        private readonly byte[] _block = new byte[VoiceActivityGate.BlockBytes];
        private readonly byte[] _pending = new byte[VoiceActivityGate.PreRollBlocks * VoiceActivityGate.BlockBytes + (BlocksPerChunk * VoiceActivityGate.BlockBytes)];
        private int _pendingBytes;
        private ushort _index;

        /// <summary>Chunks sent by the last <see cref="Capture"/>.</summary>
        public int ChunksSent { get; private set; }

        /// <summary>
        /// Reads the microphone for up to <paramref name="maxMilliseconds"/>; streams what the gate lets through.
        /// Returns true when speech was sent (as stream <paramref name="streamId"/>, ended with a Final chunk).
        /// </summary>
        public bool Capture(IAudioInput microphone, UplinkSession session, IPowerTrace power, ushort streamId, int maxMilliseconds)
        {
            _gate.Reset();
            _encoder.Reset(0, 0);
            _pendingBytes = 0;
            _index = 0;
            ChunksSent = 0;
            power.Enter(PowerState.AudioCapture);
            bool streaming = false;
            int blocks = maxMilliseconds / VoiceActivityGate.BlockMilliseconds;
            for (int b = 0; b < blocks; b++)
            {
                if (microphone.Read(_block, 0, _block.Length) < _block.Length)
                {
                    break;
                }

                VoiceGateState state = _gate.Process(_block, 0);
                if (state == VoiceGateState.SpeechStarting)
                {
                    streaming = true;
                    _pendingBytes = _gate.CopyPreRoll(_pending, 0);
                }
                else if (state == VoiceGateState.Speech || state == VoiceGateState.Hangover)
                {
                    System.Array.Copy(_block, 0, _pending, _pendingBytes, _block.Length);
                    _pendingBytes += _block.Length;
                }
                else if (state == VoiceGateState.Ended)
                {
                    break;
                }

                while (streaming && _pendingBytes >= ChunkSamples * 2)
                {
                    Send(session, streamId, ChunkSamples, false);
                }
            }

            if (streaming)
            {
                Send(session, streamId, _pendingBytes / 2, true);
            }

            power.Enter(PowerState.Radio);
            return streaming;
        }

        private void Send(UplinkSession session, ushort streamId, int samples, bool final)
        {
            AudioChunkMessage chunk = new AudioChunkMessage();
            chunk.StreamId = streamId;
            chunk.Index = _index++;
            chunk.Count = 0;
            chunk.AudioFlags = final ? AudioFlags.Final : AudioFlags.None;
            chunk.Format = AudioFormat.ImaAdpcm;
            chunk.SampleRate = VoiceActivityGate.SampleRate;
            chunk.Predictor = _encoder.Predictor;
            chunk.StepIndex = _encoder.StepIndex;
            chunk.Data = new byte[ImaAdpcm.EncodedByteCount(samples)];
            _encoder.Encode(_pending, 0, samples, chunk.Data, 0);
            int used = samples * 2;
            System.Array.Copy(_pending, used, _pending, 0, _pendingBytes - used);
            _pendingBytes -= used;
            session.Send(chunk);
            ChunksSent++;
        }
    }
}
