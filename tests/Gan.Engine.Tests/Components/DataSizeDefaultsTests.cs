using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Components;
using Gan.Engine.Plugins;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Tests.Components;

/// <summary>Network options marked [FromData] take the data's sizes unless the experiment states them, and must then agree.</summary>
public sealed class DataSizeDefaultsTests
{
    [Fact]
    public void Options_the_experiment_leaves_out_take_the_data_sizes()
    {
        var model = Model("pitches: 84");

        var applied = DataSizeDefaults.Apply(model, new ShapedData(tracks: 3, pitches: 84, vocabulary: 834));

        var options = (RollOptions)model["generator"].Options;
        Assert.Equal(3, options.Tracks);
        Assert.Equal(84, options.Pitches);
        Assert.Equal(834L, options.VocabSize);
        Assert.Equal(["model.generator.tracks: 3", "model.generator.vocab_size: 834"], applied);
    }

    [Fact]
    public void A_stated_size_that_differs_from_the_data_names_the_option_and_both_values()
    {
        var model = Model("tracks: 5");

        var error = Assert.Throws<GanInputException>(() => DataSizeDefaults.Apply(model, new ShapedData(tracks: 1, pitches: 84, vocabulary: 10)));

        Assert.Equal("model.generator.tracks is 5, but the data has tracks = 1: it must be 1. Leave model.generator.tracks out to take the data's value.",
            error.Message);
    }

    [Fact]
    public void An_at_least_size_accepts_a_larger_value_and_refuses_a_smaller_one()
    {
        var larger = Model("vocabSize: 1000");
        DataSizeDefaults.Apply(larger, new ShapedData(tracks: 1, pitches: 84, vocabulary: 834));
        Assert.Equal(1000L, ((RollOptions)larger["generator"].Options).VocabSize);

        var error = Assert.Throws<GanInputException>(() =>
            DataSizeDefaults.Apply(Model("vocab_size: 500"), new ShapedData(tracks: 1, pitches: 84, vocabulary: 834)));
        Assert.Contains("model.generator.vocab_size is 500, but the data has vocab_size = 834: it must be at least 834.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_source_without_sizes_changes_nothing()
    {
        var model = Model("");

        Assert.Empty(DataSizeDefaults.Apply(model, new UnshapedData()));
        Assert.Equal(5, ((RollOptions)model["generator"].Options).Tracks);
    }

    private static Dictionary<string, ResolvedComponent> Model(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml.Length == 0 ? "{}" : "{" + yaml + "}"));
        var node = stream.Documents[0].RootNode;
        var context = new BindingContext();
        var options = ConfigBinder.Bind<RollOptions>(node, "model.generator", context);
        Assert.Empty(context.Errors);
        var registration = new ComponentRegistration(typeof(IGenerator), "roll", typeof(RollOptions), "", (_, _) => new object());
        return new Dictionary<string, ResolvedComponent>
        {
            ["generator"] = new(registration, new PluginInfo("test", "1.0.0", "", new Version(1, 1)), options, "model.generator")
            {
                GivenOptions = ConfigBinder.GivenProperties(typeof(RollOptions), node),
            },
        };
    }

    public sealed class RollOptions
    {
        [FromData(DataSizes.Tracks)]
        public int Tracks { get; set; } = 5;

        [FromData(DataSizes.Pitches)]
        public int Pitches { get; set; } = 84;

        [FromData(DataSizes.VocabularySize, AtLeast = true)]
        public long VocabSize { get; set; } = 4000;
    }

    private class UnshapedData : IDataSource
    {
        public int BatchSize => 1;

        public IReadOnlyCollection<DataSplit> Splits => [DataSplit.Train];

        public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public long BatchesPerEpoch(DataSplit split) => 0;

        public IEnumerable<Batch> ReadEpoch(EpochRequest request, CancellationToken cancellationToken) => [];
    }

    private sealed class ShapedData(long tracks, long pitches, long vocabulary) : UnshapedData, IDataShapeProvider
    {
        public IReadOnlyDictionary<string, long> Sizes { get; } = new Dictionary<string, long>
        {
            [DataSizes.Tracks] = tracks,
            [DataSizes.Pitches] = pitches,
            [DataSizes.VocabularySize] = vocabulary,
        };
    }
}
