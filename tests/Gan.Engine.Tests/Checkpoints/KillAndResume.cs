using Gan.Engine.Checkpoints;
using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Checkpoints;

/// <summary>
/// The reproducibility promise checked the hard way, with the real executable: train once uninterrupted; train again,
/// SIGKILL the process once a checkpoint inside the chosen stage exists, resume with <c>--resume</c>; the final
/// weights of every stage must be byte-identical. Shared by every domain's test.
/// </summary>
internal static class KillAndResume
{
    /// <summary>
    /// Runs the three processes in <paramref name="folder"/> (the working folder, so runs go to its default store) on
    /// <paramref name="experiment"/> with <paramref name="overrides"/>; the experiment's checkpoints must be periodic.
    /// </summary>
    /// <returns>The step of the checkpoint the killed run had reached and the resumed run's checkpoint folder.</returns>
    public static (long KilledAfter, string RunFolder) Check(
        TemporaryDirectory folder, string experiment, IReadOnlyList<string> overrides, int killInStage, long killAfterStep)
    {
        var settings = overrides.SelectMany(o => new[] { "--set", o }).ToArray();
        var (fullExit, fullOutput) = GanProcess.Run(folder.Path,
            ["run", experiment, .. settings, "--set", $"checkpoints.directory={folder.Combine("full")}"]);
        Assert.True(fullExit == 0, fullOutput);

        long killedAfter;
        var checkpoints = folder.Combine("checkpoints");
        using (var victim = GanProcess.Start(folder.Path, ["run", experiment, .. settings, "--set", $"checkpoints.directory={checkpoints}"]))
        {
            killedAfter = WaitForCheckpoint(checkpoints, killInStage, killAfterStep, victim);
            victim.Signal("KILL");
            var (exit, _) = victim.WaitForExit(TimeSpan.FromMinutes(1));
            Assert.Equal(128 + 9, exit); // died of SIGKILL, did not finish
        }

        var (resumeExit, resumeOutput) = GanProcess.Run(folder.Path,
            ["run", experiment, .. settings, "--set", $"checkpoints.directory={checkpoints}", "--resume"]);
        Assert.True(resumeExit == 0, resumeOutput);

        var full = Directory.GetDirectories(folder.Combine("full")).Single();
        var resumed = Directory.GetDirectories(checkpoints).Single();
        var finals = Directory.GetFiles(full, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "final")
            .Select(f => Path.GetRelativePath(full, f))
            .ToList();
        Assert.NotEmpty(finals);
        foreach (var file in finals)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(full, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(resumed, file))),
                $"{file} differs between the uninterrupted run and the run killed after step {killedAfter} of stage {killInStage} and resumed");
        }

        return (killedAfter, resumed);
    }

    private static long WaitForCheckpoint(string root, int stage, long atLeastStep, GanProcess victim)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !victim.HasExited)
        {
            if (Directory.Exists(root))
            {
                foreach (var run in Directory.GetDirectories(root))
                {
                    if (new CheckpointStore(Path.Combine(run, CheckpointStore.FolderName)).Latest() is { } latest
                        && CheckpointStore.ReadManifest(latest).Position is { } position
                        && position.StageIndex == stage && position.Step >= atLeastStep)
                    {
                        return position.Step;
                    }
                }
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"no checkpoint of stage {stage} at step {atLeastStep} or later appeared under {root} " +
            $"(the run {(victim.HasExited ? "ended first: kill later or checkpoint more often" : "was too slow")})");
    }
}
