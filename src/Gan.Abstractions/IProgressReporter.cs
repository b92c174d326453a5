namespace Gan.Abstractions;

/// <summary>Shows progress of long-running work (a download, a preprocessing pass) to the user.</summary>
public interface IProgressReporter
{
    /// <summary>Starts a task. Dispose the returned handle when the work ends, successfully or not.</summary>
    /// <param name="description">What is happening, for example "Downloading train-images-idx3-ubyte.gz".</param>
    /// <param name="total">The amount of work in <paramref name="unit"/>s, or null when unknown.</param>
    /// <param name="unit">"bytes" renders as a transfer; anything else as a plain count.</param>
    IProgressTask Start(string description, long? total, string unit = "items");
}

/// <summary>One task shown by an <see cref="IProgressReporter"/>.</summary>
public interface IProgressTask : IDisposable
{
    /// <summary>Adds <paramref name="amount"/> units of finished work.</summary>
    void Advance(long amount);

    /// <summary>Sets the total when it becomes known.</summary>
    void SetTotal(long total);
}
