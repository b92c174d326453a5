using Gan.Abstractions;
using Gan.Engine.Experiments;
using Microsoft.Extensions.Logging;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Training.Callbacks;

/// <summary>
/// Keeps an exponential moving average of a generator's weights in a second network of the same component, the
/// instance <c>&lt;role&gt;_ema</c>: so it is checkpointed, resumed, snapshotted and logged as a model like any network.
/// Parameters are averaged, buffers (batch-norm statistics) copied, as StyleGAN's and most EMA implementations do.
/// </summary>
internal sealed class EmaCallback(TrainingContext context, string role, EmaDefinition settings) : IStageCallback
{
    private Parameter[] _live = [];
    private Parameter[] _average = [];
    private Tensor[] _liveBuffers = [];
    private Tensor[] _averageBuffers = [];

    /// <summary>After the step's tracking, before metrics and samples, so they see this step's average.</summary>
    public int Order => StageCallbackOrder.Health + 50;

    public void OnStageStart(ITrainingContext _)
    {
        if (context.NetworkStore.Instances.GetValueOrDefault(role) is not IGenerator live)
        {
            context.Logger.LogWarning("ema.{Role}: stage '{Stage}' has no '{Role}' generator; no average kept in this stage.", role, context.StageName, role);
            return;
        }

        var instance = role + "_ema";
        var existed = context.NetworkStore.Instances.ContainsKey(instance);
        IGenerator average;
        using (var state = get_rng_state())
        {
            // Building the copy draws initial weights; the training's random stream must not notice.
            average = context.NetworkStore.Get<IGenerator>(role, instance);
            set_rng_state(state);
        }

        (_live, _average) = ([.. live.Module.parameters()], [.. average.Module.parameters()]);
        (_liveBuffers, _averageBuffers) = ([.. live.Module.buffers()], [.. average.Module.buffers()]);
        foreach (var parameter in _average)
        {
            parameter.requires_grad = false;
        }

        if (!existed)
        {
            Copy();
        }

        if (settings.Evaluate)
        {
            context.EvaluationWeights.Add(SwapIn);
        }
    }

    public void AfterStep(ITrainingContext _, IReadOnlyDictionary<string, double> values)
    {
        if (_live.Length == 0)
        {
            return;
        }

        if (context.Step <= settings.StartStep)
        {
            Copy();
        }
        else if (context.Step % settings.Every == 0)
        {
            Update();
        }
    }

    public void OnStageEnd(ITrainingContext _) => context.EvaluationWeights.Remove(SwapIn);

    /// <summary>ema ← decay · ema + (1 − decay) · weights; buffers copied.</summary>
    private void Update()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < _live.Length; i++)
        {
            Average(_average[i], _live[i], settings.Decay);
        }

        CopyBuffers();
    }

    /// <summary>One update in place: <paramref name="average"/> ← decay · average + (1 − decay) · <paramref name="live"/>.</summary>
    internal static void Average(Tensor average, Tensor live, double decay) => average.lerp_(live, 1.0 - decay);

    private void Copy()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < _live.Length; i++)
        {
            _average[i].copy_(_live[i]);
        }

        CopyBuffers();
    }

    private void CopyBuffers()
    {
        for (var i = 0; i < _liveBuffers.Length; i++)
        {
            _averageBuffers[i].copy_(_liveBuffers[i]);
        }
    }

    /// <summary>Puts the average into the trained generator for an evaluation; disposing puts the trained weights back.</summary>
    private IDisposable SwapIn()
    {
        // Kept outside the evaluation's dispose scope: they are put back after it closes.
        var saved = _live.Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
        foreach (var (live, average) in _live.Zip(_average))
        {
            live.detach().copy_(average);
        }

        return new Restore(_live, saved);
    }

    private sealed class Restore(Parameter[] live, Tensor[] saved) : IDisposable
    {
        public void Dispose()
        {
            using var noGrad = no_grad();
            for (var i = 0; i < live.Length; i++)
            {
                live[i].detach().copy_(saved[i]);
                saved[i].Dispose();
            }
        }
    }
}
