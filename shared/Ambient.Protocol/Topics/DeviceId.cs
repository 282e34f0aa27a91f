namespace Ambient.Protocol
{
    /// <summary>
    /// Device ids are also the MQTT client id and username: 3..32 of [a-z0-9-], so they are safe in topics,
    /// file names, URLs and Home Assistant object ids without escaping.
    /// </summary>
    public static class DeviceId
    {
        public const int MinLength = 3;
        public const int MaxLength = 32;

        public static bool IsValid(string id)
        {
            if (id == null || id.Length < MinLength || id.Length > MaxLength)
            {
                return false;
            }

            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Why <paramref name="id"/> is not valid, or null when it is.</summary>
        public static string Explain(string id)
        {
            if (id == null || id.Length < MinLength || id.Length > MaxLength)
            {
                return "a device id has 3 to 32 characters";
            }

            return IsValid(id) ? null : "a device id uses only a-z, 0-9 and '-'";
        }
    }
}
