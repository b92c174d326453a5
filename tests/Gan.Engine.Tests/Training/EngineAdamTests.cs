using Gan.Engine.Experiments;
using Gan.Engine.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using EngineAdam = Gan.Engine.Training.Optimizers.Adam;
using EngineAdamW = Gan.Engine.Training.Optimizers.AdamW;

namespace Gan.Engine.Tests.Training;

/// <summary>
/// The engine's Adam and AdamW must train exactly like TorchSharp's (the reference the engine used before, and
/// torch.optim's single-tensor algorithm): same parameters step after step, same saved state.
/// </summary>
public sealed class EngineAdamTests
{
    private static readonly long[][] Shapes = [[16, 3, 3, 3], [16], [4, 16]];

    public static TheoryData<string, double, bool, bool> Variants => new()
    {
        { "adam", 0.0, false, false },
        { "adam", 0.05, false, false },
        { "adam", 0.0, true, false },
        { "adam", 0.0, false, true },
        { "adamw", 0.05, false, false },
        { "adamw", 0.05, true, true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Follows_torchsharps_optimiser_step_for_step(string kind, double weightDecay, bool amsgrad, bool maximize)
    {
        using var scope = NewDisposeScope();
        var reference = NewParameters(seed: 1);
        var ours = NewParameters(seed: 1);
        using var referenceOptimizer = Create(kind, reference, weightDecay, amsgrad, maximize, fast: false);
        using var ourOptimizer = Create(kind, ours, weightDecay, amsgrad, maximize, fast: true);

        for (var step = 1; step <= 30; step++)
        {
            // A parameter without a gradient is skipped by both (here the bias, every third step).
            SetGradients(reference, seed: step, skipIndex: step % 3 == 0 ? 1 : -1);
            SetGradients(ours, seed: step, skipIndex: step % 3 == 0 ? 1 : -1);
            if (step == 20)
            {
                // A schedule changes the group's learning rate between steps; both must use the new value.
                referenceOptimizer.ParamGroups.First().LearningRate = 5e-3;
                ourOptimizer.ParamGroups.First().LearningRate = 5e-3;
            }

            referenceOptimizer.step();
            ourOptimizer.step();
        }

        for (var i = 0; i < reference.Count; i++)
        {
            AssertClose(reference[i], ours[i], $"parameter {i}");
        }

        var moved = reference[0].data<float>().ToArray().Zip(NewParameters(seed: 1)[0].data<float>().ToArray(), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(moved > 1e-3, $"the parameters should have moved (largest change {moved})");
    }

    [Fact]
    public void Saved_state_is_torchsharps_adam_state_in_both_directions()
    {
        using var scope = NewDisposeScope();
        var reference = NewParameters(seed: 2);
        var ours = NewParameters(seed: 2);
        using var referenceOptimizer = Create("adam", reference, 0, false, false, fast: false);
        for (var step = 1; step <= 5; step++)
        {
            SetGradients(reference, seed: step, skipIndex: -1);
            referenceOptimizer.step();
        }

        // A checkpoint written before this optimiser existed resumes into it...
        using (no_grad())
        {
            for (var i = 0; i < reference.Count; i++)
            {
                ours[i].copy_(reference[i]);
            }
        }

        using var ourOptimizer = Create("adam", ours, 0, false, false, fast: true);
        Load(ourOptimizer, StateBytes(referenceOptimizer));
        for (var step = 6; step <= 10; step++)
        {
            SetGradients(reference, seed: step, skipIndex: -1);
            SetGradients(ours, seed: step, skipIndex: -1);
            referenceOptimizer.step();
            ourOptimizer.step();
        }

        for (var i = 0; i < reference.Count; i++)
        {
            AssertClose(reference[i], ours[i], $"parameter {i} after resuming TorchSharp's state");
        }

        // ...and its own state is one TorchSharp's Adam reads back unchanged.
        using var readBack = Create("adam", NewParameters(seed: 2), 0, false, false, fast: false);
        var savedByOurs = StateBytes(ourOptimizer).ToArray();
        Load(readBack, new MemoryStream(savedByOurs));
        Assert.Equal(savedByOurs, StateBytes(readBack).ToArray());
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, typeof(EngineAdam))]
    [InlineData(OptimizerKind.AdamW, typeof(EngineAdamW))]
    public void Experiments_get_the_engines_adam(OptimizerKind kind, Type expected)
    {
        var definitions = new Dictionary<string, OptimizerDefinition> { ["default"] = new() { Type = kind } };
        using var provider = new OptimizerProvider(definitions, new Dictionary<string, OptimizerDefinition>());
        using var scope = NewDisposeScope();

        var optimizer = provider.Create("generator", NewParameters(seed: 3));

        Assert.IsType(expected, optimizer);
    }

    private static List<Parameter> NewParameters(int seed)
    {
        var generator = new Generator((ulong)seed);
        return Shapes.Select(shape => new Parameter(randn(shape, generator: generator) * 0.1)).ToList();
    }

    private static void SetGradients(List<Parameter> parameters, int seed, int skipIndex)
    {
        var generator = new Generator((ulong)(1000 + seed));
        for (var i = 0; i < parameters.Count; i++)
        {
            // Small gradients like a real network's, plus exact zeros (a bias before a normalisation has them).
            var gradient = randn(parameters[i].shape, generator: generator) * 1e-3;
            gradient[0] = zeros_like(gradient[0]);
            parameters[i].grad = i == skipIndex ? null : gradient;
        }
    }

    private static OptimizerHelper Create(string kind, List<Parameter> parameters, double weightDecay, bool amsgrad, bool maximize, bool fast) =>
        (kind, fast) switch
        {
            ("adam", false) => new Adam(parameters, 1e-2, 0.5, 0.999, 1e-8, weightDecay, amsgrad, maximize),
            ("adam", true) => new EngineAdam(parameters, 1e-2, 0.5, 0.999, 1e-8, weightDecay, amsgrad, maximize),
            ("adamw", false) => new AdamW(parameters, 1e-2, 0.5, 0.999, 1e-8, weightDecay, amsgrad, maximize),
            _ => new EngineAdamW(parameters, 1e-2, 0.5, 0.999, 1e-8, weightDecay, amsgrad, maximize),
        };

    private static MemoryStream StateBytes(OptimizerHelper optimizer)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }

        stream.Position = 0;
        return stream;
    }

    private static void Load(OptimizerHelper optimizer, MemoryStream state)
    {
        using var reader = new BinaryReader(state);
        optimizer.load_state_dict(reader);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        var difference = (expected - actual).abs().max().item<float>();
        Assert.True(expected.allclose(actual, rtol: 1e-5, atol: 1e-7), $"{what} differs from TorchSharp's by up to {difference}");
    }
}
