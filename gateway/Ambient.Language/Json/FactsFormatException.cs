namespace Ambient.Language;

/// <summary>Facts JSON that cannot be used; <see cref="Field"/> is the JSON path of the culprit ("weather.sky", "nextEvents[1].start").</summary>
public sealed class FactsFormatException : FormatException
{
    public FactsFormatException()
    {
        Field = "";
    }

    public FactsFormatException(string message)
        : base(message)
    {
        Field = "";
    }

    public FactsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
    }

    public FactsFormatException(string field, string reason, Exception? innerException = null)
        : base($"{(field.Length == 0 ? "facts" : field)}: {reason}", innerException)
    {
        Field = field;
    }

    public string Field { get; }
}
