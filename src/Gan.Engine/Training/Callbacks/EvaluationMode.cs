using TorchSharp;

namespace Gan.Engine.Training.Callbacks;

/// <summary>Runs work on the networks as metrics and renderers expect: evaluation mode, no gradients, temporaries freed.</summary>
internal static class EvaluationMode
{
    public static void Run(TrainingContext context, Action action)
    {
        context.NetworkStore.SetTraining(false);
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            action();
        }
        finally
        {
            context.NetworkStore.SetTraining(true);
        }
    }
}
