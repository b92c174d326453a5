using System.Globalization;
using Gan.Abstractions;
using Gan.Toolkit;

namespace Gan.Plugins.Mnist;

/// <summary><c>gan sample</c> for MNIST runs (the MLP and DCGAN generators): one PNG per digit and a grid of them all.</summary>
internal sealed class MnistSampleExporter : ISampleExporter
{
    public IReadOnlyList<string> DataSources { get; } = ["mnist"];

    public IReadOnlyList<string> Export(SampleExportRequest request)
    {
        var images = request.Samples.dim() == 2 ? request.Samples.view(-1, 1, 28, 28) : request.Samples; // MLP: flat 784 values
        var count = (int)images.shape[0];
        var written = new List<string>(count + 1);
        for (var i = 0; i < count; i++)
        {
            var file = Path.Combine(request.Folder, string.Create(CultureInfo.InvariantCulture, $"sample-{i:D4}.png"));
            File.WriteAllBytes(file, ImageGrid.ToPng(images.narrow(0, i, 1), columns: 1, padding: 0));
            written.Add(file);
        }

        var grid = Path.Combine(request.Folder, "grid.png");
        File.WriteAllBytes(grid, ImageGrid.ToPng(images, columns: (int)Math.Ceiling(Math.Sqrt(count)), scale: 2));
        written.Add(grid);
        return written;
    }
}
