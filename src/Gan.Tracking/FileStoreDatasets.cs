using System.Security.Cryptography;
using System.Text;

namespace Gan.Tracking;

/// <summary>
/// Dataset inputs in MLflow's file-store layout (FileStore.log_inputs): <c>&lt;experiment&gt;/datasets/&lt;id&gt;/meta.yaml</c>
/// with id = md5(name + digest), shared by the experiment's runs, and <c>&lt;run&gt;/inputs/&lt;id&gt;/meta.yaml</c> with
/// id = md5(dataset id + run id) linking the two and holding the input tags.
/// </summary>
internal static class FileStoreDatasets
{
    private const string DatasetsFolder = "datasets";
    private const string InputsFolder = "inputs";

    public static void Record(string experimentDirectory, string runDirectory, string runId, DatasetInputDto input)
    {
        var dataset = input.Dataset;
        var datasetId = Md5(dataset.Name + dataset.Digest);
        var datasetMeta = Path.Combine(experimentDirectory, DatasetsFolder, datasetId, FileStorePaths.MetaFile);
        if (!File.Exists(datasetMeta))
        {
            // Keys sorted, as MLflow's write_yaml writes them.
            FileStorePaths.WriteAtomically(datasetMeta, new StringBuilder()
                .Append("digest: ").Append(MlflowYaml.Scalar(dataset.Digest)).Append('\n')
                .Append("name: ").Append(MlflowYaml.Scalar(dataset.Name)).Append('\n')
                .Append("profile: ").Append(MlflowYaml.Scalar(dataset.Profile)).Append('\n')
                .Append("schema: ").Append(MlflowYaml.Scalar(dataset.Schema)).Append('\n')
                .Append("source: ").Append(MlflowYaml.Scalar(dataset.Source)).Append('\n')
                .Append("source_type: ").Append(MlflowYaml.Scalar(dataset.SourceType)).Append('\n')
                .ToString());
        }

        var inputMeta = Path.Combine(runDirectory, InputsFolder, Md5(datasetId + runId), FileStorePaths.MetaFile);
        if (File.Exists(inputMeta))
        {
            return;
        }

        var yaml = new StringBuilder()
            .Append("destination_id: ").Append(MlflowYaml.Scalar(runId)).Append('\n')
            .Append("destination_type: RUN\n")
            .Append("source_id: ").Append(MlflowYaml.Scalar(datasetId)).Append('\n')
            .Append("source_type: DATASET\n");
        var tags = input.Tags ?? [];
        yaml.Append(tags.Count == 0 ? "tags: {}\n" : "tags:\n");
        foreach (var tag in tags)
        {
            yaml.Append("  ").Append(MlflowYaml.Scalar(tag.Key)).Append(": ").Append(MlflowYaml.Scalar(tag.Value)).Append('\n');
        }

        FileStorePaths.WriteAtomically(inputMeta, yaml.ToString());
    }

    /// <summary>The dataset inputs of the run in <paramref name="runDirectory"/>.</summary>
    public static List<RunDataset> Read(string runDirectory)
    {
        var result = new List<RunDataset>();
        var inputs = Path.Combine(runDirectory, InputsFolder);
        if (!Directory.Exists(inputs))
        {
            return result;
        }

        var datasets = Path.Combine(Path.GetDirectoryName(runDirectory)!, DatasetsFolder);
        foreach (var input in Directory.EnumerateDirectories(inputs))
        {
            var meta = Path.Combine(input, FileStorePaths.MetaFile);
            if (!File.Exists(meta))
            {
                continue;
            }

            var link = MlflowYaml.ReadMapping(meta);
            var datasetMeta = Path.Combine(datasets, link.GetValueOrDefault("source_id") ?? string.Empty, FileStorePaths.MetaFile);
            if (link.GetValueOrDefault("source_type") != "DATASET" || !File.Exists(datasetMeta))
            {
                continue; // MLflow skips such inputs too, with a warning
            }

            var dataset = MlflowYaml.ReadMapping(datasetMeta);
            var tags = MlflowYaml.ReadMapping(meta, "tags");
            result.Add(new RunDataset(
                dataset.GetValueOrDefault("name") ?? string.Empty,
                dataset.GetValueOrDefault("digest") ?? string.Empty,
                dataset.GetValueOrDefault("source_type") ?? string.Empty,
                dataset.GetValueOrDefault("source") ?? string.Empty,
                dataset.GetValueOrDefault("profile"),
                tags.GetValueOrDefault(DatasetInputs.ContextTag)));
        }

        return result.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    // MLflow derives these ids with md5; they name folders, nothing secret.
#pragma warning disable CA5351
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
