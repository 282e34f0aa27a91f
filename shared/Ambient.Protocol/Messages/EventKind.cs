namespace Ambient.Protocol
{
    public enum EventKind : byte
    {
        /// <summary>The wake word or wake button; Reference is the audio stream that follows, if any.</summary>
        Wake = 1,

        /// <summary>PIR presence; Code 1 = someone arrived, 0 = gone.</summary>
        Presence = 2,

        /// <summary>Touch pad; Code = pad number.</summary>
        Touch = 3,

        /// <summary>Button; Code is a <see cref="ButtonAction"/>, Reference the reminder it answers (0 = none).</summary>
        Button = 4,

        /// <summary>The device saw a watering (moisture jump); Code unused.</summary>
        Watered = 5,

        /// <summary>The device asks for the morning greeting (magnet woke in its morning window).</summary>
        GreetingRequest = 6,

        /// <summary>
        /// The earbud missed a chunk of downlink speech and asks for it again while it can still play it; Reference is
        /// the stream id in the high 16 bits and the chunk index in the low 16 bits (<see cref="AudioMissingRef"/>).
        /// </summary>
        AudioMissing = 7,
    }
}
