using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;

namespace Gan.Plugins.Sequences.Tests;

public sealed class CsvSeriesDataSourceTests
{
    private static CsvSeriesDataSource Source(TestContext context, string csv, Action<CsvSeriesOptions>? configure = null)
    {
        var path = context.Write("series.csv", csv);
        var options = new CsvSeriesOptions { Path = path, Column = "value", SequenceLength = 3, ValidationFraction = 0.25, Scaling = ScalingKind.None };
        configure?.Invoke(options);
        return new CsvSeriesDataSource(context.Components, options);
    }

    private static string Series(int count) =>
        "\"time\",\"value\"\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"{i},{i * 10}\n"));

    [Fact]
    public async Task Windows_slide_over_each_time_split_separately()
    {
        using var context = new TestContext();
        using var source = Source(context, Series(16), o => o.Shuffle = false);

        await source.PrepareAsync(CancellationToken.None);

        // 16 values: the first 12 train (windows of 4 at 0..8), the last 4 validate (one window).
        Assert.Equal(12, source.SplitIndex);
        Assert.Equal(9, source.Sequences(DataSplit.Train).Count);
        Assert.Equal(1, source.Sequences(DataSplit.Validation).Count);
        Assert.Equal([120f, 130, 140, 150], source.Sequences(DataSplit.Validation).All[0].data<float>().ToArray());
        using var batch = source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 1), CancellationToken.None).First();
        Assert.Equal([0f, 10, 20], batch.Samples[0].data<float>().ToArray());
        Assert.Equal([10f, 20, 30], batch[Batch.TargetsKey][0].data<float>().ToArray());
    }

    [Fact]
    public async Task Stride_skips_window_starts()
    {
        using var context = new TestContext();
        using var source = Source(context, Series(16), o => o.Stride = 4);

        await source.PrepareAsync(CancellationToken.None);

        Assert.Equal(3, source.Sequences(DataSplit.Train).Count);
    }

    [Fact]
    public async Task Missing_column_names_the_file_and_the_columns_it_has()
    {
        using var context = new TestContext();
        using var source = Source(context, Series(16), o => o.Column = "SUNACTIVITY");

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains(source.FilePath, error.Message);
        Assert.Contains("row 1", error.Message);
        Assert.Contains("'SUNACTIVITY'", error.Message);
        Assert.Contains("'time', 'value'", error.Message);
    }

    [Fact]
    public async Task Non_numeric_cell_names_the_file_row_and_column()
    {
        using var context = new TestContext();
        using var source = Source(context, "time,value\n0,1\n1,2\n2,abc\n3,4\n");

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains(source.FilePath, error.Message);
        Assert.Contains("row 4, column 'value'", error.Message);
        Assert.Contains("'abc' is not a number", error.Message);
    }

    [Fact]
    public async Task Blank_cell_fails_by_default_naming_the_row()
    {
        using var context = new TestContext();
        using var source = Source(context, "time,value\n0,1\n1,\n2,3\n");

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains($"{source.FilePath}: row 3, column 'value': missing value", error.Message);
        Assert.Contains("missing: interpolate", error.Message);
    }

    [Fact]
    public void Drop_policy_removes_rows_with_blank_or_na_cells()
    {
        using var context = new TestContext();
        var path = context.Write("gaps.csv", "t;value\n0;1\n1;\n2;NA\n3;4\n\n");

        var values = CsvColumnReader.Read(path, "value", ';', MissingValuePolicy.Drop);

        Assert.Equal([1.0, 4.0], values);
    }

    [Fact]
    public void Interpolate_policy_fills_gaps_linearly_and_edges_with_the_nearest_value()
    {
        using var context = new TestContext();
        var path = context.Write("gaps.csv", "t,value\n0,\n1,2\n2,\n3,\n4,8\n5,nan\n");

        var values = CsvColumnReader.Read(path, "value", ',', MissingValuePolicy.Interpolate);

        Assert.Equal([2.0, 2.0, 4.0, 6.0, 8.0, 8.0], values);
    }

    [Fact]
    public void Quoted_fields_and_header_are_unquoted()
    {
        using var context = new TestContext();
        var path = context.Write("quoted.csv", "\"label, long\",\"value\"\n\"a, b\",\"1.5\"\n\"c \"\"d\"\"\",2e1\n");

        var values = CsvColumnReader.Read(path, "value", ',', MissingValuePolicy.Fail);

        Assert.Equal([1.5, 20.0], values);
    }

    [Fact]
    public async Task Series_too_short_for_the_split_says_what_each_part_needs()
    {
        using var context = new TestContext();
        using var source = Source(context, Series(6));

        var error = await Assert.ThrowsAsync<GanInputException>(() => source.PrepareAsync(CancellationToken.None));

        Assert.Contains("sequence_length + 1 = 4", error.Message);
    }

    [Fact]
    public async Task Min_max_scaling_is_fitted_on_the_training_part_and_saved_as_json()
    {
        using var context = new TestContext();
        using var source = Source(context, Series(16), o => o.Scaling = ScalingKind.MinMax);

        await source.PrepareAsync(CancellationToken.None);

        // Training part 0..110 maps onto [-1, 1]; validation values beyond it exceed 1 (no leakage).
        var train = source.Sequences(DataSplit.Train).All;
        Assert.Equal(-1f, train.min().item<float>(), 5);
        Assert.Equal(1f, train.max().item<float>(), 5);
        Assert.True(source.Sequences(DataSplit.Validation).All.min().item<float>() > 1f);
        Assert.True(File.Exists(source.ScalerPath));
        Assert.Equal(source.Scaler, SeriesScaler.Load(source.ScalerPath));
    }

    [Fact]
    public async Task Real_sunspot_series_loads_with_its_quoted_header()
    {
        var path = Path.Combine(Gan.Tests.Shared.RepositoryPaths.SharedData, "timeseries", "sunspots.csv");
        using var context = new TestContext();
        using var source = new CsvSeriesDataSource(context.Components, new CsvSeriesOptions { Path = path, Column = "SUNACTIVITY" });

        await source.PrepareAsync(CancellationToken.None);

        Assert.Equal(309, source.Raw.Count);
        Assert.Equal(5.0, source.Raw[0]);
        Assert.Equal(2.9, source.Raw[^1]);
    }
}
