using Gan.Abstractions;

namespace Gan.Engine.Training.Callbacks;

/// <summary>Renders samples every <c>samples_every</c> steps, or after every epoch when no cadence is set, and logs them.</summary>
internal sealed class SampleCallback(TrainingContext context, IReadOnlyList<ISampleRenderer> renderers, long? every) : CadencedCallback(context, every)
{
    public override int Order => StageCallbackOrder.Samples;

    protected override bool HasWork => renderers.Count > 0;

    protected override void Run()
    {
        foreach (var renderer in renderers)
        {
            foreach (var artifact in renderer.Render(Context))
            {
                if (artifact.IsImage)
                {
                    Context.Tracker.LogImage(artifact.Key, artifact.Content, Context.Step);
                }
                else
                {
                    Context.Tracker.LogArtifact(
                        $"samples/{Context.StageName}/{artifact.Key}_step{Context.Step:D8}.{artifact.FileExtension}", artifact.Content);
                }
            }
        }
    }
}
