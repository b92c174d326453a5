using Gan.Configuration;
using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Experiments;

public sealed class ExperimentLoaderTests
{
    private const string Valid = """
        name: t
        data: {type: mnist, download: false}
        model:
          generator: {type: mnist-mlp, latent_dim: 100}
          discriminator: mnist-mlp
        loss: minimax
        stages:
          - {name: train, steps: 10}
        """;

    [Fact]
    public void Valid_experiment_resolves_every_component_with_defaults()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var experiment = engine.Loader.Load(temp.WriteFile("e.yaml", Valid), []);

        Assert.Equal("mnist", experiment.Data.Registration.Name);
        Assert.Equal("adversarial", experiment.Stages.Single().Trainer.Registration.Name);
        Assert.Equal("Gan.Plugins.Mnist", experiment.Model["discriminator"].Plugin.Name);
    }

    [Fact]
    public void Unknown_component_name_is_reported_at_its_position_with_the_closest_name()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = temp.WriteFile("e.yaml", Valid.Replace("{type: mnist-mlp, latent_dim: 100}", "{type: mnist-mpl, latent_dim: 100}"));

        var error = Assert.Throws<ConfigurationException>(() => engine.Loader.Load(path, []));

        var message = Assert.Single(error.Errors).ToString();
        Assert.StartsWith($"{path}:4:", message);
        Assert.Contains("unknown generator 'mnist-mpl'", message);
        Assert.Contains("Did you mean 'mnist-mlp'?", message);
    }

    [Fact]
    public void Unknown_option_of_a_plugin_component_lists_the_allowed_keys()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = temp.WriteFile("e.yaml", Valid.Replace("latent_dim: 100", "latent_dimm: 100"));

        var error = Assert.Throws<ConfigurationException>(() => engine.Loader.Load(path, []));

        var message = Assert.Single(error.Errors).ToString();
        Assert.StartsWith($"{path}:4:", message);
        Assert.Contains("'latent_dim'", message);
        Assert.Contains("hidden_sizes", message);
    }

    [Fact]
    public void Command_line_override_reaches_the_component_options()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var experiment = engine.Loader.Load(temp.WriteFile("e.yaml", Valid), ["model.generator.latent_dim=64", "stages.0.steps=3"]);

        var options = experiment.Model["generator"].Options;
        Assert.Equal(64, options.GetType().GetProperty("LatentDim")!.GetValue(options));
        Assert.Equal(3, experiment.Stages.Single().Definition.Steps);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = temp.WriteFile("e.yaml", """
            name: t
            device: tpu
            data: {type: mnist}
            model: {generator: nope}
            stages: [{name: a}]
            """);

        var error = Assert.Throws<ConfigurationException>(() => engine.Loader.Load(path, []));

        Assert.Contains(error.Errors, e => e.ToString().Contains("device 'tpu'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.ToString().Contains("unknown generator 'nope'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.ToString().Contains("needs 'epochs' or 'steps'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_type_error_does_not_hide_unknown_components_or_option_errors_elsewhere()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = temp.WriteFile("e.yaml", """
            name: t
            seed: many
            data: {type: mnist, download: false, batch_size: 0}
            model:
              generator: mnist-mpl
              discriminator: mnist-mlp
            stages:
              - {name: train, steps: ten, trainer: {type: adversarial, discriminator_steps: 0}}
            """);

        var error = Assert.Throws<ConfigurationException>(() => engine.Loader.Load(path, []));

        var messages = error.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith($"{path}:2:7: expected an integer for seed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{path}:3:", StringComparison.Ordinal) && m.Contains("data.batch_size must be between 1 and", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{path}:5:", StringComparison.Ordinal) && m.Contains("unknown generator 'mnist-mpl'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{path}:8:", StringComparison.Ordinal) && m.Contains("expected an integer for stages.0.steps", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith($"{path}:8:", StringComparison.Ordinal) && m.Contains("stages.0.trainer.discriminator_steps must be between 1 and 100", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("no stages", StringComparison.Ordinal));
        Assert.Equal(5, messages.Count);
    }

    [Fact]
    public void Checking_the_tracking_uri_adds_its_refusal_to_the_other_errors()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = temp.WriteFile("e.yaml", Valid.Replace("discriminator: mnist-mlp", "discriminator: mnist-mpl", StringComparison.Ordinal)
            + "\ntracking: {uri: 'sqlite:///:memory:'}\n");

        var error = Assert.Throws<ConfigurationException>(() => engine.Loader.Load(path, [], checkTracking: true));

        Assert.Contains(error.Errors, e => e.ToString().Contains("unknown discriminator 'mnist-mpl'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.ToString().StartsWith($"{path}:9:", StringComparison.Ordinal) && e.Message.Contains("in-memory", StringComparison.Ordinal));
    }

    [Fact]
    public void Experiment_without_stages_is_refused()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var path = temp.WriteFile("e.yaml", "name: t\ndata: mnist\n");

        var error = Assert.Throws<ConfigurationException>(() => engine.Loader.Load(path, []));

        Assert.Contains("no stages", error.Message);
    }

    [Fact]
    public void Component_from_a_plugin_that_is_not_loaded_says_how_to_find_plugins()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([]);

        var error = Assert.Throws<ConfigurationException>(() => engine.Loader.Load(temp.WriteFile("e.yaml", Valid), []));

        Assert.Contains("unknown data source 'mnist'", error.Message);
        Assert.Contains("gan plugins", error.Message);
    }
}
