using System.Globalization;
using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;
using Gan.Plugins.Sequences.Plotting;
using TorchSharp;

namespace Gan.Plugins.Sequences.Tests;

public sealed class SequenceSampleExporterTests
{
    [Fact]
    public void Generated_sequences_are_written_as_a_csv_with_a_column_per_sample_and_a_plot()
    {
        using var test = new TestContext();
        using var samples = torch.linspace(-1, 1, 3 * 5).reshape(3, 5, 1); // (N, T, 1) as the recurrent generator returns
        var run = new DataOnlyRun(new SineDataSource(test.Components, new SineDataOptions { Count = 8, SequenceLength = 5 }), test.Components);

        var files = new SequenceSampleExporter().Export(new SampleExportRequest(samples, run, test.Folder, Seed: 3));

        Assert.Equal(["sequences.csv", "sequences.png"], files.Select(Path.GetFileName));
        var lines = File.ReadAllLines(files[0]);
        Assert.Equal("step,sample_1,sample_2,sample_3", lines[0]);
        Assert.Equal(6, lines.Length); // header and 5 steps
        // Sine data is not rescaled: the values come back as generated, sample 2 at step 0 being the 6th of the ramp.
        Assert.Equal(-1 + 5 * (2.0 / 14), double.Parse(lines[1].Split(',')[2], CultureInfo.InvariantCulture), 6);
        Assert.True(new FileInfo(files[1]).Length > 100);
    }
}
