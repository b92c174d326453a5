using System.Text.RegularExpressions;
using Gan.Abstractions;

namespace Gan.Tracking;

/// <summary>The files of a model folder this project logs, and where a <see cref="ModelLocation"/> is on this machine.</summary>
public static partial class LoggedModelFiles
{
    /// <summary>MLflow's model description file.</summary>
    public const string MlmodelFile = "MLmodel";

    /// <summary>The models a run logged, by their path in the run (what follows <c>runs:/&lt;run id&gt;/</c>).</summary>
    public static IReadOnlyDictionary<string, ModelLocation> ModelsOf(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var models = new Dictionary<string, ModelLocation>(StringComparer.Ordinal);
        foreach (var (key, value) in run.Tags)
        {
            if (key.StartsWith(LoggedModels.TagPrefix, StringComparison.Ordinal) && LoggedModels.ReadTag(value) is { } location)
            {
                models[key[LoggedModels.TagPrefix.Length..]] = location;
            }
        }

        return models;
    }

    /// <summary>The folder of a local location.</summary>
    /// <exception cref="GanInputException">The location is remote.</exception>
    public static string LocalFolder(ModelLocation model) =>
        TryLocalFolder(model.Location) ?? throw new GanInputException($"Model {model.ModelId ?? ""} is at {model.Location}, which is not a folder on this machine.");

    /// <summary>The local folder of <paramref name="location"/> (a plain path or a <c>file:</c> URI), or null.</summary>
    public static string? TryLocalFolder(string location) =>
        Path.IsPathFullyQualified(location) ? location : FileStorePaths.LocalPathOf(location);

    /// <summary>The files an <c>MLmodel</c> of this project names besides itself (its <c>files:</c> list).</summary>
    public static IReadOnlyList<string> FilesNamedIn(string mlmodel)
    {
        var match = FilesLine().Match(mlmodel);
        return match.Success
            ? match.Groups["list"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => f.Trim('\'', '"')).Where(f => f != MlmodelFile && !f.Contains("..", StringComparison.Ordinal)).ToList()
            : [];
    }

    [GeneratedRegex(@"^\s*files:\s*\[(?<list>[^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex FilesLine();
}
