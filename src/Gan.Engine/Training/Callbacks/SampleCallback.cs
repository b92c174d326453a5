using Gan.Abstractions;

namespace Gan.Engine.Training.Callbacks;

/// <summary>Renders samples every <c>samples_every</c> steps, or after every epoch when no cadence is set, and logs them.</summary>
internal sealed class SampleCallback(TrainingContext context, IReadOnlyList<ISampleRenderer> renderers, long? every) : IStageCallback
{
    public int Order => StageCallbackOrder.Samples;

    public void AfterStep(ITrainingContext _, IReadOnlyDictionary<string, double> values)
    {
        if (every is { } cadence && context.Step % cadence == 0)
        {
            Render();
        }
    }

    public void AfterEpoch(ITrainingContext _)
    {
        if (every is null)
        {
            Render();
        }
    }

    private void Render()
    {
        if (renderers.Count == 0)
        {
            return;
        }

        EvaluationMode.Run(context, () =>
        {
            foreach (var renderer in renderers)
            {
                foreach (var artifact in renderer.Render(context))
                {
                    if (artifact.IsImage)
                    {
                        context.Tracker.LogImage(artifact.Key, artifact.Content, context.Step);
                    }
                    else
                    {
                        context.Tracker.LogArtifact(
                            $"samples/{context.StageName}/{artifact.Key}_step{context.Step:D8}.{artifact.FileExtension}", artifact.Content);
                    }
                }
            }
        });
    }
}
