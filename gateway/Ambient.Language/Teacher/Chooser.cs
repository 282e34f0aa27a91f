namespace Ambient.Language;

/// <summary>
/// Where the grammar's choices come from: a seeded <see cref="Random"/> for the teacher corpus, or the first
/// option every time for the template (so the template is deterministic and uses the best-liked phrasing).
/// </summary>
internal abstract class Chooser
{
    public static Chooser First { get; } = new FirstChooser();

    public static Chooser Seeded(Random random) => new RandomChooser(random);

    public abstract int Index(int count);

    /// <summary>True with probability <paramref name="p"/>; the template takes the likely side (p ≥ ½).</summary>
    public abstract bool Maybe(double p);

    public T One<T>(IReadOnlyList<T> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0)
        {
            throw new ArgumentException("No options to choose from.", nameof(options));
        }

        return options[Index(options.Count)];
    }

    private sealed class FirstChooser : Chooser
    {
        public override int Index(int count) => 0;

        public override bool Maybe(double p) => p >= 0.5;
    }

    private sealed class RandomChooser(Random random) : Chooser
    {
        public override int Index(int count) => random.Next(count);

        public override bool Maybe(double p) => random.NextDouble() < p;
    }
}
