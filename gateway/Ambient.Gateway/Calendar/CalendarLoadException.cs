namespace Ambient.Gateway.Calendar;

/// <summary>A calendar could not be read or parsed; the message names the calendar and the reason.</summary>
public sealed class CalendarLoadException : Exception
{
    public CalendarLoadException()
    {
    }

    public CalendarLoadException(string message)
        : base(message)
    {
    }

    public CalendarLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
