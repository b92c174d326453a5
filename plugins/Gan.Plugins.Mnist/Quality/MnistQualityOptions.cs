using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Mnist.Quality;

/// <summary>Options of the <c>mnist-quality</c> metric.</summary>
public sealed class MnistQualityOptions
{
    /// <summary>Role of the generator to evaluate.</summary>
    [Description("The model: role of the generator to evaluate.")]
    public string Generator { get; set; } = "generator";

    /// <summary>MNIST folder with the IDX files the classifier trains on and the real test images come from.</summary>
    [Description("Folder with the MNIST IDX files (classifier training, real test images); relative to data_root.")]
    [Required]
    public string Path { get; set; } = "mnist";

    /// <summary>Generated images and real test images compared at each evaluation.</summary>
    [Description("Generated images (fixed latents) and real test images (the first N) compared each time.")]
    [Range(10, 10_000)]
    public int Samples { get; set; } = 2000;

    /// <summary>Epochs the classifier trains for when it is not cached.</summary>
    [Description("Epochs the classifier trains for the first time it is needed (2 reach about 99% test accuracy).")]
    [Range(1, 50)]
    public int ClassifierEpochs { get; set; } = 2;

    /// <summary>A digit counts as covered when at least this fraction of the generated images is classified as it.</summary>
    [Description("A digit counts as covered when at least this fraction of generated images is classified as it.")]
    [Range(0.0, 1.0)]
    public double CoverageThreshold { get; set; } = 0.01;
}
