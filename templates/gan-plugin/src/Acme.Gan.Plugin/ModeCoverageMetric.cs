using Gan.Abstractions;

namespace Acme.Gan.Plugin;

/// <summary>
/// Example metric: draws points from the generator and reports <c>modes_covered</c> (share of blobs with at least
/// one point within <c>radius</c>) and <c>high_quality</c> (share of points within <c>radius</c> of some blob).
/// The engine calls it in eval mode without gradients, inside a dispose scope.
/// </summary>
internal sealed class ModeCoverageMetric(ModeCoverageOptions options) : IMetric
{
    public IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context)
    {
        var generator = context.Networks.Get<IGenerator>(options.Generator);
        var points = generator.Generate(generator.SampleLatent(options.Samples, context.Device)).cpu().data<float>().ToArray();
        var hit = new bool[options.Modes];
        var close = 0;
        for (var i = 0; i + 1 < points.Length; i += 2)
        {
            for (var mode = 0; mode < options.Modes; mode++)
            {
                var (x, y) = Blobs.Centre(mode, options.Modes);
                if (Math.Sqrt(Math.Pow(points[i] - x, 2) + Math.Pow(points[i + 1] - y, 2)) < options.Radius)
                {
                    hit[mode] = true;
                    close++;
                    break;
                }
            }
        }

        return new Dictionary<string, double>
        {
            ["modes_covered"] = hit.Count(h => h) / (double)options.Modes,
            ["high_quality"] = close / (double)options.Samples,
        };
    }
}
