namespace Gan.Plugins.Sequences.Data;

/// <summary>Cuts a series into overlapping windows, the usual way to make many training sequences from one long series.</summary>
internal static class SlidingWindows
{
    /// <summary>The number of windows of <paramref name="length"/> values, <paramref name="stride"/> apart, in <paramref name="count"/> values.</summary>
    public static int Count(int count, int length, int stride) => count < length ? 0 : ((count - length) / stride) + 1;

    /// <summary>Windows (N, <paramref name="length"/>) of <paramref name="values"/>, starting at 0, stride, 2·stride, ….</summary>
    public static float[,] Cut(IReadOnlyList<double> values, int length, int stride)
    {
        var count = Count(values.Count, length, stride);
        var windows = new float[count, length];
        for (var w = 0; w < count; w++)
        {
            for (var t = 0; t < length; t++)
            {
                windows[w, t] = (float)values[(w * stride) + t];
            }
        }

        return windows;
    }
}
