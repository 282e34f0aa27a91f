using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Sensors;

/// <summary>
/// The "IndoorSensor" section: an optional BME280 on the gateway's own I2C bus (a Raspberry Pi's pins 3/5 are bus 1).
/// Off by default, since most gateways have none; the address may be written in hex ("0x76").
/// </summary>
public sealed class IndoorSensorOptions
{
    public const string Section = "IndoorSensor";

    public bool Enabled { get; set; }

    /// <summary>The Linux I2C bus number (/dev/i2c-N).</summary>
    [Range(0, 255, ErrorMessage = "IndoorSensor:BusId must be between 0 and 255")]
    public int BusId { get; set; } = 1;

    /// <summary>0x76 with SDO to GND, 0x77 with SDO to VDDIO (BME280 datasheet BST-BME280-DS002 §6.2); any 7-bit address is accepted.</summary>
    [Range(0x08, 0x77, ErrorMessage = "IndoorSensor:Address must be a 7-bit I2C address between 0x08 and 0x77")]
    public int Address { get; set; } = 0x76;

    /// <summary>How often the sensor is read; a reading is offered to greetings while it is younger than two of these.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "IndoorSensor:ReadInterval must be between 1 s and 1 day")]
    public TimeSpan ReadInterval { get; set; } = TimeSpan.FromMinutes(5);
}
