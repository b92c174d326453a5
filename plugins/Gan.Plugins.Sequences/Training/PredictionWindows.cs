using static TorchSharp.torch;

namespace Gan.Plugins.Sequences.Training;

/// <summary>Cuts batches of sequences into the predictor's (window → next value) pairs.</summary>
internal static class PredictionWindows
{
    /// <summary>
    /// Every window of <paramref name="window"/> consecutive values in <paramref name="x"/> (B, T, 1) with the value
    /// that follows it, taken from <paramref name="y"/> (the next-step targets): inputs (B·(T-W+1), W, 1), targets (B·(T-W+1), 1).
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) Cut(Tensor x, Tensor y, int window)
    {
        var length = x.shape[1];
        if (window > length)
        {
            throw new Gan.Abstractions.GanInputException(
                $"The predictor's window ({window}) is longer than the data's sequences ({length} steps); lower model.predictor.window or raise sequence_length.");
        }

        // The full series of T + 1 values: x and the last target.
        var series = cat([x.squeeze(-1), y.select(1, -1).reshape(-1, 1)], 1);
        // (B, T + 1)
        var pairs = series.unfold(1, window + 1, 1).reshape(-1, window + 1);
        // (B·(T-W+1), W + 1)
        return (pairs.narrow(1, 0, window).unsqueeze(-1), pairs.narrow(1, window, 1));
        // (N, W, 1), (N, 1)
    }

    /// <summary>One series per row, (B, T + 1), from a batch's x and y.</summary>
    public static Tensor Series(Tensor x, Tensor y) => cat([x.squeeze(-1), y.select(1, -1).reshape(-1, 1)], 1);
}
