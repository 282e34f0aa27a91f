namespace Ambient.Firmware.Hal
{
    /// <summary>Debug output (nanoFramework: Debug.WriteLine); never given secrets.</summary>
    public interface ILog
    {
        void Write(string line);
    }
}
