using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training;
using Gan.Toolkit;
using Gan.Tracking;

namespace Gan.Engine.Tests.Plugins;

[Collection(InProcessTrainingCollection.Name)]
public sealed class PluginLoadingTests(DropInPlugins plugins)
{
    [Fact]
    public async Task Plugin_built_alone_and_dropped_into_a_folder_runs_an_experiment()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([plugins.Working]);

        var outcome = await engine.RunAsync(TestExperiments.Ring(temp, steps: 40));

        Assert.Equal(RunStatus.Finished, outcome.Status);
        Assert.Equal(40, outcome.Stages.Single().Steps);
        Assert.Contains(engine.Catalog.Plugins, p => p.Name == "Gan.TestPlugins.DropIn");
    }

    [Fact]
    public async Task Plugin_stage_callback_runs_after_every_step_and_its_state_survives_a_resume()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([plugins.Working]);
        var path = TestExperiments.Ring(temp, steps: 20);
        string[] overrides = ["checkpoints.enabled=true", $"checkpoints.directory={temp.Combine("checkpoints")}", "checkpoints.every_steps=5"];
        using var cancel = new CancellationTokenSource();

        var stopped = await engine.Runner.RunAsync(engine.Loader.Load(path, overrides), NullProgressReporter.Instance,
            new Checkpoints.CancelAfterStep(cancel, step: 12), cancel.Token);
        var resumed = await engine.Runner.RunAsync(engine.Loader.Load(path, overrides), NullProgressReporter.Instance,
            NoTrainingProgress.Instance, CancellationToken.None, new RunOptions { Resume = stopped.RunId });

        Assert.Equal((RunStatus.Killed, RunStatus.Finished), (stopped.Status, resumed.Status));
        // The StepCounter callback's count continues from the checkpoint: 13 at step 13, not 1.
        var seen = new FileStoreReader(temp.Combine("mlruns")).GetMetricHistory(resumed.RunId, "ring/steps_seen");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (double)i), seen.OrderBy(p => p.Step).Select(p => p.Value));
    }

    [Fact]
    public async Task Plugin_named_only_in_the_experiments_plugins_list_reaches_the_services_it_registered()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        Assert.DoesNotContain(engine.Catalog.Plugins, p => p.Name == "Gan.TestPlugins.DropIn");

        // The ring data source is built from the plugin's own RingGeometry service.
        var outcome = await engine.RunAsync(TestExperiments.Ring(temp, steps: 3, plugins: plugins.Working));

        Assert.True(outcome.Status == RunStatus.Finished, outcome.Message);
        Assert.Contains(engine.Catalog.Plugins, p => p.Name == "Gan.TestPlugins.DropIn");
    }

    [Fact]
    public async Task Plugin_built_against_contracts_1_0_loads_and_trains_unchanged()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([plugins.Contracts10]);
        var plugin = Assert.Single(engine.Catalog.Plugins, p => p.Name == "Gan.TestPlugins.DropIn");
        Assert.Equal(new Version(1, 0, 0, 0), plugin.ContractsVersion);

        var outcome = await engine.RunAsync(TestExperiments.Ring(temp, steps: 20));

        Assert.True(outcome.Status == RunStatus.Finished, outcome.Message);
    }

    [Fact]
    public void Plugin_private_dependency_loads_in_the_plugins_own_context()
    {
        using var engine = GanEngine.Create([plugins.Working]);
        var registration = engine.Catalog.Components.First(c => c.Plugin.Name == "Gan.TestPlugins.DropIn").Registration;

        var pluginContext = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(registration.OptionsType.Assembly);
        var sharedContext = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(IGanPlugin).Assembly);

        Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, pluginContext);
        Assert.Same(System.Runtime.Loader.AssemblyLoadContext.Default, sharedContext);
        Assert.Contains(pluginContext!.Assemblies, a => a.GetName().Name == "Sep");
        Assert.DoesNotContain(System.Runtime.Loader.AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Sep");
    }

    [Fact]
    public void Garbage_assembly_names_the_plugin_and_folder_and_other_plugins_keep_working()
    {
        using var temp = new TemporaryDirectory();
        var broken = temp.Combine("plugins", "Acme.Broken");
        Directory.CreateDirectory(broken);
        File.WriteAllBytes(Path.Combine(broken, "Acme.Broken.dll"), [1, 2, 3, 4, 5, 6, 7, 8]);

        using var engine = GanEngine.Create([temp.Combine("plugins"), GanEngine.BundledPlugins]);

        var failure = Assert.Single(engine.Catalog.Failures);
        Assert.Equal("Acme.Broken", failure.Name);
        Assert.Equal(broken, failure.Folder);
        Assert.Contains("not a valid .NET assembly", failure.Reason);
        Assert.Contains(engine.Catalog.Components, c => c.Registration.Name == "mnist" && c.Plugin.Name == "Gan.Plugins.Mnist");
    }

    [Fact]
    public void Plugin_that_throws_while_loading_is_reported_and_other_plugins_keep_working()
    {
        using var engine = GanEngine.Create([plugins.Throwing, plugins.Working]);

        var failure = Assert.Single(engine.Catalog.Failures);
        Assert.Equal("Gan.TestPlugins.Throwing", failure.Name);
        Assert.Contains("broken on purpose", failure.ToString());
        Assert.Contains(failure.Folder, failure.ToString());
        Assert.Contains(engine.Catalog.Components, c => c.Registration.Name == "toy-ring");
    }

    [Fact]
    public void Plugin_missing_a_dependency_names_the_dependency_and_the_plugin_folder()
    {
        using var engine = GanEngine.Create([plugins.MissingDependency(), GanEngine.BundledPlugins]);

        var failure = Assert.Single(engine.Catalog.Failures);
        Assert.Equal("Gan.TestPlugins.DropIn", failure.Name);
        Assert.Contains("Sep", failure.Reason);
        Assert.Contains(engine.Catalog.Components, c => c.Registration.Name == "mnist");
    }

    [Fact]
    public void Plugin_built_for_a_future_major_version_is_refused_naming_both_versions()
    {
        using var engine = GanEngine.Create([plugins.FutureMajor]);

        var failure = Assert.Single(engine.Catalog.Failures);
        Assert.Equal("Gan.TestPlugins.DropIn", failure.Name);
        Assert.Contains("2.0.0", failure.Reason);
        Assert.Contains(ContractsVersion.Current.ToString(3), failure.Reason);
        Assert.DoesNotContain(engine.Catalog.Components, c => c.Registration.Name == "toy-ring");
    }

    [Fact]
    public void Missing_plugin_folder_given_explicitly_is_reported()
    {
        using var engine = GanEngine.Create(["/nonexistent/gan-plugins"]);

        Assert.Contains("does not exist", Assert.Single(engine.Catalog.Failures).Reason);
    }
}
