using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration.Tests;

public enum Schedule
{
    Linear,
    Cosine,
    CosineAnnealing,
}

/// <summary>Shaped like the MNIST MLP generator's options, to match the messages users see.</summary>
public sealed class GeneratorOptions
{
    [Description("Size of the noise vector.")]
    [Range(1, 1024)]
    public int LatentDim { get; set; } = 100;

    [Description("Widths of the hidden layers.")]
    public List<int> HiddenSizes { get; set; } = [256, 512, 1024];

    public int Channels { get; set; } = 1;

    public int ImageSize { get; set; } = 28;

    public double LeakySlope { get; set; } = 0.2;
}

public sealed class InnerOptions
{
    public int Depth { get; set; } = 2;

    public string? Label { get; set; } = "inner";
}

/// <summary>One property of every supported kind.</summary>
public sealed class AllTypes
{
    public string? Name { get; set; } = "default";

    public bool Enabled { get; set; }

    public int Count { get; set; }

    public long Big { get; set; }

    public float Ratio { get; set; }

    public double Rate { get; set; }

    public Schedule Schedule { get; set; } = Schedule.Linear;

    public int? MaybeCount { get; set; } = 5;

    public double[] Betas { get; set; } = [0.5, 0.999];

    public IReadOnlyList<string> Tags { get; set; } = [];

    public IList<double> Weights { get; set; } = new List<double>();

    public Dictionary<string, int> Sizes { get; set; } = [];

    public IReadOnlyDictionary<string, double> Scales { get; set; } = new Dictionary<string, double>();

    public InnerOptions Inner { get; set; } = new();

    public YamlMappingNode? Raw { get; set; }

    public YamlNode? Anything { get; set; }

    [OptionName("lambda_A")]
    public double LambdaA { get; set; } = 10.0;

    public double Beta1 { get; set; } = 0.5;

    public int NEpochsDecay { get; set; } = 100;
}

public sealed class ValidatedOptions
{
    [Required]
    public string? Dataset { get; set; }

    [Range(1, 4096)]
    public int BatchSize { get; set; } = 64;

    [Range(0.0, 1.0)]
    public double Dropout { get; set; }
}

public sealed class StageOptions
{
    public int Epochs { get; set; } = 1;

    public double LearningRate { get; set; } = 2e-4;

    public List<double> Betas { get; set; } = [0.5, 0.999];
}

/// <summary>A small experiment model for round trips.</summary>
public sealed class SampleExperiment
{
    public string Name { get; set; } = "mnist";

    public int Seed { get; set; } = 42;

    public double Epsilon { get; set; } = 1e-8;

    public float Momentum { get; set; } = 0.1f;

    public Schedule Schedule { get; set; } = Schedule.CosineAnnealing;

    public string? Notes { get; set; }

    public string Tricky { get; set; } = "true";

    public GeneratorOptions Generator { get; set; } = new();

    public List<StageOptions> Stages { get; set; } = [new(), new() { Epochs = 5, LearningRate = 1e-3 }];

    public Dictionary<string, double> LossWeights { get; set; } = new() { ["adversarial"] = 1.0, ["l1"] = 100.0 };

    public YamlMappingNode? Extra { get; set; }
}
