using Ambient.Protocol;

namespace Ambient.Firmware.Hal
{
    /// <summary>The planter's status LED: shows the gateway's verdict on the plant.</summary>
    public interface IIndicator
    {
        void Show(PlantCondition condition);
    }
}
