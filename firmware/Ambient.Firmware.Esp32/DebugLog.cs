using System.Diagnostics;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Esp32
{
    /// <summary>ILog over Debug.WriteLine (visible with a debugger or nanoff's serial monitor attached).</summary>
    public sealed class DebugLog : ILog
    {
        public void Write(string line)
        {
            Debug.WriteLine(line);
        }
    }
}
