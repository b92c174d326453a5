using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.Plugins.Sequences.Metrics;

/// <summary>Reads the first sequences ("x", (B, T, 1)) of a split from any data source, as (N, T) on the CPU.</summary>
internal static class RealSequences
{
    /// <summary>Up to <paramref name="count"/> sequences of <paramref name="split"/> (Validation when the source has it, else Train).</summary>
    public static Tensor Read(IDataSource data, DataSplit split, int count, int seed)
    {
        var chosen = data.Splits.Contains(split) ? split : DataSplit.Train;
        var rows = new List<Tensor>();
        long taken = 0;
        foreach (var batch in data.ReadEpoch(new EpochRequest(chosen, 0, seed), CancellationToken.None))
        {
            using (batch)
            {
                var x = batch.Samples;
                var take = Math.Min(x.shape[0], count - taken);
                rows.Add(x.narrow(0, 0, take).reshape(take, -1).cpu().to(ScalarType.Float32).clone().DetachFromDisposeScope());
                taken += take;
            }

            if (taken >= count)
            {
                break;
            }
        }

        if (rows.Count == 0)
        {
            throw new GanInputException($"The data source yields no {chosen} sequences to compare with.");
        }

        var all = cat(rows, 0).DetachFromDisposeScope();
        rows.ForEach(r => r.Dispose());
        return all;
        // (N, T)
    }
}
