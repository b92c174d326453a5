using Gan.Abstractions;
using Gan.Plugins.Sequences.Data;

namespace Gan.Plugins.Sequences.Tests;

public sealed class SeriesScalerTests
{
    private static readonly double[] Values = [3, -1, 7.5, 12, 0.25];

    [Theory]
    [InlineData(ScalingKind.MinMax)]
    [InlineData(ScalingKind.Standard)]
    [InlineData(ScalingKind.None)]
    public void Transform_then_inverse_returns_the_original_values_after_a_save_and_load(ScalingKind kind)
    {
        using var context = new TestContext();
        var path = Path.Combine(context.Folder, "nested", "scaler.json");
        SeriesScaler.Fit(kind, Values).Save(path);

        var loaded = SeriesScaler.Load(path);

        Assert.All(Values, v => Assert.Equal(v, loaded.Inverse(loaded.Transform(v)), 10));
    }

    [Fact]
    public void Min_max_maps_the_range_onto_minus_one_to_one()
    {
        var scaler = SeriesScaler.Fit(ScalingKind.MinMax, Values);

        Assert.Equal(-1, scaler.Transform(-1), 10);
        Assert.Equal(1, scaler.Transform(12), 10);
    }

    [Fact]
    public void Standard_scaling_gives_zero_mean_and_unit_variance()
    {
        var scaler = SeriesScaler.Fit(ScalingKind.Standard, Values);
        var scaled = Values.Select(scaler.Transform).ToArray();

        Assert.Equal(0, scaled.Average(), 10);
        Assert.Equal(1, Math.Sqrt(scaled.Select(v => v * v).Average()), 10);
    }

    [Fact]
    public void Constant_series_scales_by_one_instead_of_dividing_by_zero()
    {
        var scaler = SeriesScaler.Fit(ScalingKind.Standard, [4.0, 4.0, 4.0]);

        Assert.Equal(0, scaler.Transform(4));
        Assert.Equal(1, scaler.Scale);
    }

    [Fact]
    public void Damaged_scaler_file_names_the_file()
    {
        using var context = new TestContext();
        var path = context.Write("scaler.json", "{ not json");

        var error = Assert.Throws<GanInputException>(() => SeriesScaler.Load(path));

        Assert.Contains(path, error.Message);
    }
}
