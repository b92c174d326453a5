using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Experiments;
using Gan.Engine.Plugins;
using Gan.Tracking;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>What every run records about itself: its tags, the resolved experiment as params and files, the plugins and the environment.</summary>
internal static class RunRecord
{
    /// <summary>The tags of a run: the experiment's own, MLflow's source tags, and the engine's <c>gan.*</c> tags.</summary>
    public static Dictionary<string, string> Tags(ResolvedExperiment experiment, string runName, torch.Device device)
    {
        var tags = new Dictionary<string, string>(experiment.Definition.Tracking.Tags, StringComparer.Ordinal)
        {
            [MlflowTags.RunName] = runName,
            [MlflowTags.SourceName] = Path.GetFullPath(experiment.SourcePath),
            [MlflowTags.SourceType] = MlflowTags.LocalSource,
            [MlflowTags.User] = Environment.UserName,
            ["gan.device"] = device.ToString(),
            ["gan.torchsharp"] = typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "",
            ["gan.contracts"] = ContractsVersion.Current.ToString(3),
        };
        if (GitInfo.Of(experiment.SourcePath) is { } git)
        {
            tags[MlflowTags.SourceGitCommit] = git.Commit;
            if (git.Branch is { } branch)
            {
                tags[MlflowTags.SourceGitBranch] = branch;
            }

            if (git.RepoUrl is { } url)
            {
                tags[MlflowTags.SourceGitRepoUrl] = url;
            }
        }

        if (!string.IsNullOrWhiteSpace(experiment.Definition.Description))
        {
            tags[MlflowTags.NoteContent] = experiment.Definition.Description;
        }

        return tags;
    }

    /// <summary>The tags of a stage's child run.</summary>
    public static Dictionary<string, string> StageTags(ResolvedExperiment experiment, ResolvedStage stage, string runName, torch.Device device)
    {
        var tags = Tags(experiment, $"{runName}/{stage.Definition.Name}", device);
        tags["gan.stage"] = stage.Definition.Name;
        tags["gan.stage.index"] = stage.Index.ToString(CultureInfo.InvariantCulture);
        return tags;
    }

    /// <summary>Logs the resolved experiment as params and files, the plugins loaded and the environment.</summary>
    public static void Write(IRunTracker run, ResolvedExperiment experiment, IReadOnlyList<PluginInfo> plugins, torch.Device device)
    {
        var resolved = experiment.ToResolvedYaml();
        foreach (var (key, value) in ConfigWriter.Flatten(resolved))
        {
            run.LogParam(key, value);
        }

        run.LogArtifact("experiment.yaml", Encoding.UTF8.GetBytes(ConfigWriter.Serialize(resolved)));
        if (File.Exists(experiment.SourcePath))
        {
            run.LogArtifact("experiment.source.yaml", File.ReadAllBytes(experiment.SourcePath));
        }

        var list = new StringBuilder();
        foreach (var plugin in plugins)
        {
            list.Append(CultureInfo.InvariantCulture,
                $"{plugin.Name}\t{plugin.Version}\tcontracts {plugin.ContractsVersion.ToString(3)}\t{(plugin.Folder.Length == 0 ? "(built in)" : plugin.Folder)}\n");
        }

        run.LogArtifact("plugins.txt", Encoding.UTF8.GetBytes(list.ToString()));
        run.LogArtifact("environment.txt", Encoding.UTF8.GetBytes(
            $"os\t{RuntimeInformation.OSDescription}\n" +
            $"architecture\t{RuntimeInformation.ProcessArchitecture}\n" +
            $"dotnet\t{RuntimeInformation.FrameworkDescription}\n" +
            $"torchsharp\t{typeof(torch).Assembly.GetName().Version}\n" +
            $"libtorch\t{torch.__version__}\n" +
            $"device\t{device}\n" +
            $"threads\t{torch.get_num_threads()}\n" +
            $"cpu_count\t{Environment.ProcessorCount}\n"));
    }
}
