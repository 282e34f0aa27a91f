namespace Ambient.Protocol
{
    public enum ButtonAction : byte
    {
        Press = 0,

        /// <summary>Short press while a reminder plays: done.</summary>
        Acknowledge = 1,

        /// <summary>Long press while a reminder plays: remind me again later.</summary>
        Snooze = 2,

        /// <summary>Held to talk.</summary>
        PushToTalk = 3,
    }
}
