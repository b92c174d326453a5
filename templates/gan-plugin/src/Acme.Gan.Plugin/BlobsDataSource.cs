using Gan.Abstractions;
using Gan.Toolkit;
using static TorchSharp.torch;

namespace Acme.Gan.Plugin;

/// <summary>
/// Example data source: batches of 2-D points (<c>[batch, 2]</c>) drawn from Gaussian blobs on the unit circle.
/// Replace it with a reader for your own data; keep batches reproducible from the request's seed and epoch.
/// </summary>
internal sealed class BlobsDataSource(BlobsOptions options) : IDataSource
{
    public int BatchSize => options.BatchSize;

    public IReadOnlyCollection<DataSplit> Splits => [DataSplit.Train];

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public long BatchesPerEpoch(DataSplit split) => (options.Count + options.BatchSize - 1) / options.BatchSize;

    public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken)
    {
        // One stream per (seed, epoch), advanced past skipped batches, so a resumed run sees the same points.
        // SeededRandom's sequence, unlike System.Random's, is the same on every .NET version.
        var random = new SeededRandom(request.Seed, request.Epoch);
        for (long b = 0; b < BatchesPerEpoch(request.Split); b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var points = new float[options.BatchSize * 2];
            for (var i = 0; i < options.BatchSize; i++)
            {
                var (x, y) = Blobs.Centre(random.Next(options.Modes), options.Modes);
                points[2 * i] = (float)(x + (options.Spread * Blobs.Gaussian(random)));
                points[(2 * i) + 1] = (float)(y + (options.Spread * Blobs.Gaussian(random)));
            }

            if (b >= request.SkipBatches)
            {
                yield return new Batch(tensor(points, [options.BatchSize, 2]));
            }
        }
    }
}
