using System.Runtime.Loader;
using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Tests.Infrastructure;
using Gan.Tracking;

namespace Gan.Engine.Tests.Template;

[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PluginTemplateTests(TemplatePlugin plugin) : IClassFixture<TemplatePlugin>
{
    [Fact]
    public async Task Plugin_made_from_the_template_against_the_packed_contracts_runs_its_example_experiment()
    {
        using var engine = GanEngine.Create([plugin.PluginsFolder]);
        var tracking = plugin.Scratch("mlruns");

        var outcome = await engine.RunAsync(Path.Combine(plugin.Generated, "experiments", "example.yaml"),
        [
            "device=cpu", "stages.0.steps=20", "stages.0.metrics_every=10",
            $"tracking.uri={tracking}", "checkpoints.enabled=false",
        ]);

        Assert.Empty(engine.Catalog.Failures);
        Assert.Equal(RunStatus.Finished, outcome.Status);
        Assert.Equal(20, outcome.Stages.Single().Steps);
        Assert.Contains(engine.Catalog.Components, c => c.Plugin.Name == TemplatePlugin.Name && c.Registration.Name == "example-mode-coverage");
        Assert.Contains(Directory.GetFiles(tracking, "*", SearchOption.AllDirectories), f => f.Contains("modes_covered", StringComparison.Ordinal));
    }

    [Fact]
    public void Test_project_made_from_the_template_passes_with_libtorch_loaded_through_the_packed_loader()
    {
        var output = plugin.TestGeneratedProject();

        // The template's three component tests all ran TorchSharp; on Debian 12 they only can because Gan.Native
        // patched the test project's copy of libLibTorchSharp.so first.
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+4,", output);
    }

    [Fact]
    public void Plugins_listing_shows_option_help_from_the_plugins_doc_comments()
    {
        using var engine = GanEngine.Create([plugin.PluginsFolder]);
        var blobs = engine.Catalog.Components.Single(c => c.Plugin.Name == TemplatePlugin.Name && c.Registration.Name == "example-blobs");

        var options = OptionsSchema.Describe(blobs.Registration.OptionsType).ToDictionary(o => o.Key);

        // The template's options carry doc comments only, no [Description]: the help comes from Acme.Gan.Faces.xml.
        Assert.Equal(("integer", "8", "How many Gaussian blobs sit on the unit circle."),
            (options["modes"].TypeName, options["modes"].DefaultValue, options["modes"].Description));
    }

    [Fact]
    public void Plugin_output_holds_no_contracts_torch_or_natives()
    {
        var files = Directory.GetFiles(Path.Combine(plugin.PluginsFolder, TemplatePlugin.Name), "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).ToList();

        Assert.Contains(TemplatePlugin.Name + ".dll", files);
        Assert.Contains(TemplatePlugin.Name + ".xml", files);
        Assert.DoesNotContain("Gan.Abstractions.dll", files);
        Assert.DoesNotContain("Gan.Toolkit.dll", files);
        Assert.DoesNotContain("StbImageWriteSharp.dll", files);
        Assert.DoesNotContain("TorchSharp.dll", files);
        Assert.DoesNotContain(files, f => f!.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith(".dylib", StringComparison.Ordinal));
    }

    [Fact]
    public void Plugin_using_another_version_of_a_library_the_host_has_runs_with_its_own_version()
    {
        using var engine = GanEngine.Create([plugin.PluginsFolder]);
        var registration = engine.Catalog.Components.First(c => c.Plugin.Name == TemplatePlugin.Name).Registration;
        var pluginAssembly = registration.OptionsType.Assembly;

        var version = (string)pluginAssembly.GetType(TemplatePlugin.Name + ".YamlProbe")!.GetMethod("Version")!.Invoke(null, null)!;

        var hostYaml = typeof(YamlDotNet.Serialization.SerializerBuilder).Assembly;
        Assert.Equal(TemplatePlugin.PrivateYamlAssemblyVersion, version);
        Assert.NotEqual(TemplatePlugin.PrivateYamlAssemblyVersion, hostYaml.GetName().Version!.ToString(3));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(hostYaml));
        Assert.Contains(AssemblyLoadContext.GetLoadContext(pluginAssembly)!.Assemblies,
            a => a.GetName().Name == "YamlDotNet" && a.GetName().Version!.ToString(3) == TemplatePlugin.PrivateYamlAssemblyVersion);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(IGanPlugin).Assembly));
    }
}
