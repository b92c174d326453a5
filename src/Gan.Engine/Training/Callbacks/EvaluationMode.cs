using TorchSharp;

namespace Gan.Engine.Training.Callbacks;

/// <summary>
/// Runs work on the networks as metrics and renderers expect: evaluation mode, no gradients, temporaries freed, and the
/// evaluation weights (moving averages) swapped in.
/// </summary>
internal static class EvaluationMode
{
    public static void Run(TrainingContext context, Action action)
    {
        context.NetworkStore.SetTraining(false);
        var swapped = new List<IDisposable>();
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            swapped.AddRange(context.EvaluationWeights.Select(swap => swap()));
            action();
        }
        finally
        {
            foreach (var swap in swapped)
            {
                swap.Dispose();
            }

            context.NetworkStore.SetTraining(true);
        }
    }
}
