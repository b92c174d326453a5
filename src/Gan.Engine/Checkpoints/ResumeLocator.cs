using Gan.Abstractions;
using Gan.Engine.Inference;

namespace Gan.Engine.Checkpoints;

/// <summary>Turns the value of <c>--resume</c> into a checkpoint folder.</summary>
public static class ResumeLocator
{
    /// <summary>
    /// Empty <paramref name="source"/>: the latest checkpoint of the most recent run of
    /// <paramref name="experimentName"/> under <paramref name="checkpointRoot"/>. Otherwise a checkpoint folder,
    /// a run's checkpoint folder (or its <c>resume</c> folder), or a run id under <paramref name="checkpointRoot"/>.
    /// </summary>
    public static ResumePoint Locate(string source, string checkpointRoot, string experimentName)
    {
        checkpointRoot = Path.GetFullPath(checkpointRoot);
        var folder = string.IsNullOrWhiteSpace(source) ? LatestOfExperiment(checkpointRoot, experimentName) : FromSource(source, checkpointRoot);
        return new ResumePoint(folder, CheckpointStore.ReadManifest(folder));
    }

    private static string FromSource(string source, string checkpointRoot)
    {
        var candidate = Directory.Exists(source) ? Path.GetFullPath(source) : Path.Combine(checkpointRoot, source);
        if (!Directory.Exists(candidate))
        {
            throw new GanInputException(
                $"--resume {source}: no such checkpoint folder, and no run '{source}' under {checkpointRoot}.");
        }

        if (File.Exists(Path.Combine(candidate, CheckpointManifest.FileName)))
        {
            return candidate;
        }

        var store = Path.GetFileName(candidate) == CheckpointStore.FolderName
            ? new CheckpointStore(candidate)
            : new CheckpointStore(Path.Combine(candidate, CheckpointStore.FolderName));
        return store.Latest() ?? throw new GanInputException(
            $"--resume {source}: {candidate} holds no training-state checkpoint (set checkpoints.every_steps or every_epochs, " +
            "or stop a run with Ctrl+C, to write one).");
    }

    private static string LatestOfExperiment(string checkpointRoot, string experimentName)
    {
        if (!Directory.Exists(checkpointRoot))
        {
            throw new GanInputException($"--resume: there are no checkpoints yet ({checkpointRoot} does not exist).");
        }

        var latest = Directory.GetDirectories(checkpointRoot)
            .Select(run => new CheckpointStore(Path.Combine(run, CheckpointStore.FolderName)).Latest())
            .OfType<string>()
            .Select(folder => (Folder: folder, Manifest: CheckpointStore.ReadManifest(folder)))
            .Where(c => c.Manifest.Experiment == experimentName)
            .OrderByDescending(c => c.Manifest.CreatedUtc)
            .FirstOrDefault();
        return latest.Folder ?? throw new GanInputException(
            $"--resume: no run of experiment '{experimentName}' has a training-state checkpoint under {checkpointRoot}. " +
            $"Give a run id or a checkpoint folder, or check checkpoints.directory.");
    }

    /// <summary>The resolved experiment recorded with the checkpoint's run, if present.</summary>
    public static string? ExperimentFileOf(ResumePoint point)
    {
        var path = Path.Combine(point.RunFolder, TrainedModels.ExperimentFile);
        return File.Exists(path) ? path : null;
    }
}
