namespace Ambient.Gateway.Weather;

/// <summary>The provider answered, but not with a forecast this parser understands; the message says what is wrong.</summary>
public sealed class WeatherFormatException : Exception
{
    public WeatherFormatException()
    {
    }

    public WeatherFormatException(string message)
        : base(message)
    {
    }

    public WeatherFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
