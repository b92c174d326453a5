using Gan.Abstractions;
using static TorchSharp.torch;

namespace Gan.TestPlugins.DropIn;

internal sealed class RingDataSource(RingOptions options, RingGeometry geometry) : IDataSource
{
    public int BatchSize => options.BatchSize;

    public IReadOnlyCollection<DataSplit> Splits => [DataSplit.Train];

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public long BatchesPerEpoch(DataSplit split) => (options.Count + options.BatchSize - 1) / options.BatchSize;

    public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken)
    {
        var random = new Random((request.Seed * 7919) + request.Epoch);
        for (long b = request.SkipBatches; b < BatchesPerEpoch(request.Split); b++)
        {
            var points = new float[options.BatchSize * 2];
            for (var i = 0; i < options.BatchSize; i++)
            {
                var angle = 2 * Math.PI * random.Next(options.Modes) / options.Modes;
                points[2 * i] = (float)((geometry.Radius * Math.Cos(angle)) + (0.05 * Gaussian(random)));
                points[(2 * i) + 1] = (float)((geometry.Radius * Math.Sin(angle)) + (0.05 * Gaussian(random)));
            }

            yield return new Batch(tensor(points, [options.BatchSize, 2]));
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
