using Gan.Abstractions;
using Gan.Engine.Sweeps;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Tests.Sweeps;

public sealed class SweepPlannerTests
{
    [Fact]
    public void Grid_expands_every_combination_in_parameter_order()
    {
        var trials = SweepPlanner.Expand(
            [new SweepParameter("optimizers.default.lr", ["0.0002", "0.001"]), new SweepParameter("data.batch_size", ["32", "64", "128"])],
            SweepMethod.Grid, maxTrials: null, seed: 0);

        Assert.Equal(6, trials.Count);
        Assert.Equal(["optimizers.default.lr=0.0002", "data.batch_size=32"], trials[0].Overrides);
        Assert.Equal(["optimizers.default.lr=0.0002", "data.batch_size=64"], trials[1].Overrides);
        Assert.Equal(["optimizers.default.lr=0.001", "data.batch_size=128"], trials[5].Overrides);
        Assert.Equal(Enumerable.Range(0, 6), trials.Select(t => t.Index));
    }

    [Fact]
    public void Grid_stops_at_the_trial_budget()
    {
        var trials = SweepPlanner.Expand([new SweepParameter("seed", ["1", "2", "3", "4", "5"])], SweepMethod.Grid, maxTrials: 3, seed: 0);

        Assert.Equal(["seed=1", "seed=2", "seed=3"], trials.Select(t => t.Overrides.Single()));
    }

    [Fact]
    public void Random_search_draws_the_budget_from_lists_and_log_ranges_repeatably_for_a_seed()
    {
        SweepParameter[] parameters =
        [
            new("model.generator.latent_dim", ["16", "32", "64"]),
            SweepParameter.FromYaml("optimizers.default.lr", Yaml("{min: 1e-5, max: 1e-2, log: true}"), "test.yaml"),
        ];

        var first = SweepPlanner.Expand(parameters, SweepMethod.Random, maxTrials: 8, seed: 42);
        var again = SweepPlanner.Expand(parameters, SweepMethod.Random, maxTrials: 8, seed: 42);
        var other = SweepPlanner.Expand(parameters, SweepMethod.Random, maxTrials: 8, seed: 43);

        Assert.Equal(8, first.Count);
        Assert.Equal(first.Select(t => t.Label), again.Select(t => t.Label));
        Assert.NotEqual(first.Select(t => t.Label), other.Select(t => t.Label));
        Assert.All(first, t =>
        {
            Assert.Contains(t.Overrides[0].Split('=')[1], new[] { "16", "32", "64" });
            var lr = double.Parse(t.Overrides[1].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(lr, 1e-5, 1e-2);
        });
    }

    [Fact]
    public void Named_uniform_and_log_uniform_distributions_draw_within_their_bounds_on_their_scale()
    {
        var uniform = SweepParameter.FromYaml("loss.label_smoothing", Yaml("{uniform: [0.0, 0.2]}"), "test.yaml");
        var logUniform = SweepParameter.FromYaml("optimizers.default.lr", Yaml("{log_uniform: [1e-5, 1e-1]}"), "test.yaml");

        var trials = SweepPlanner.Expand([uniform, logUniform], SweepMethod.Random, maxTrials: 400, seed: 7);

        var smoothing = trials.Select(t => double.Parse(t.Overrides[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rates = trials.Select(t => double.Parse(t.Overrides[1].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(smoothing, v => Assert.InRange(v, 0.0, 0.2));
        Assert.All(rates, v => Assert.InRange(v, 1e-5, 1e-1));
        // Log scale: each of the four decades gets about a quarter of the draws (a linear scale would put ~90 % in the top one).
        Assert.InRange(rates.Count(v => v < 1e-4), 60, 140);
        Assert.InRange(rates.Count(v => v >= 1e-2), 60, 140);
    }

    [Fact]
    public void A_named_distribution_needs_two_ordered_numbers()
    {
        var error = Assert.Throws<GanInputException>(() => SweepParameter.FromYaml("optimizers.default.lr", Yaml("{log_uniform: [0, 1e-3]}"), "test.yaml"));

        Assert.Contains("sweep.parameters.optimizers.default.lr must have numbers min <= max (both > 0 for a log scale)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_search_without_a_budget_is_refused()
    {
        var error = Assert.Throws<GanInputException>(() =>
            SweepPlanner.Expand([new SweepParameter("seed", ["1", "2"])], SweepMethod.Random, maxTrials: null, seed: 0));

        Assert.Contains("sweep.max_trials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_values_split_on_commas_outside_brackets()
    {
        var parameter = SweepParameter.FromCommandLine("optimizers.default.betas=[0.5, 0.999],[0.0, 0.9],'a,b'");

        Assert.Equal("optimizers.default.betas", parameter.Key);
        Assert.Equal(["[0.5, 0.999]", "[0.0, 0.9]", "'a,b'"], parameter.Values);
    }

    [Fact]
    public void Yaml_sequence_values_become_set_assignments()
    {
        var parameter = SweepParameter.FromYaml("model.generator.hidden_sizes", Yaml("[[32], [64, 64]]"), "test.yaml");

        Assert.Equal(["[32]", "[64, 64]"], parameter.Values);
    }

    [Fact]
    public void Slurm_task_states_are_read_from_scontrol_one_line_output()
    {
        var states = SlurmTrialExecutor.ParseStates(
            "JobId=12 ArrayJobId=11 ArrayTaskId=1 JobName=gan-x JobState=FAILED Reason=NonZeroExitCode ExitCode=2:0\n" +
            "JobId=11 ArrayJobId=11 ArrayTaskId=0 JobName=gan-x JobState=COMPLETED Reason=None ExitCode=0:0\n");

        Assert.Equal("COMPLETED (exit 0:0)", states[0]);
        Assert.Equal("FAILED (exit 2:0)", states[1]);
    }

    private static YamlNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }
}
