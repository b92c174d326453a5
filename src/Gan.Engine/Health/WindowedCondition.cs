namespace Gan.Engine.Health;

/// <summary>
/// Tracks whether a per-step value's mean over the last <c>window</c> steps satisfies a condition, and the first
/// step of the window in which it began to.
/// </summary>
internal sealed class WindowedCondition
{
    private readonly Queue<(long Step, double Value)> _values = new();
    private readonly int _window;
    private readonly Func<IReadOnlyCollection<double>, double, bool> _holds;
    private double _sum;

    public WindowedCondition(int window, Func<IReadOnlyCollection<double>, double, bool> holds)
    {
        _window = window;
        _holds = holds;
    }

    /// <summary>The first step of the window in which the condition began to hold, or null while it does not.</summary>
    public long? Since { get; private set; }

    /// <summary>Adds a value; returns true when the condition has just started to hold.</summary>
    public bool Add(long step, double value)
    {
        _values.Enqueue((step, value));
        _sum += value;
        if (_values.Count > _window)
        {
            _sum -= _values.Dequeue().Value;
        }

        var holds = _values.Count == _window && _holds(_values.Select(v => v.Value).ToList(), _sum / _window);
        if (!holds)
        {
            Since = null;
            return false;
        }

        if (Since is not null)
        {
            return false;
        }

        Since = _values.Peek().Step;
        return true;
    }
}
