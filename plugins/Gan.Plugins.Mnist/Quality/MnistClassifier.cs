using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Mnist.Quality;

/// <summary>
/// The small CNN the quality metrics look through: two conv/pool blocks and a 128-wide feature layer, whose
/// activations play the role Inception's pool features play in FID.
/// </summary>
internal sealed class MnistClassifier : Module<Tensor, Tensor>
{
    /// <summary>Width of the feature layer the Fréchet distance is computed on.</summary>
    public const int FeatureSize = 128;

#pragma warning disable IDE1006 // TorchSharp names the submodules after the fields.
    private readonly Sequential features;
    private readonly Linear head;
#pragma warning restore IDE1006

    /// <summary>Builds the network on the CPU.</summary>
    public MnistClassifier() : base("mnist_classifier")
    {
        features = Sequential(
            // 1 x 28 x 28, values in [-1, 1]
            Conv2d(1, 32, kernel_size: 3, padding: 1),
            ReLU(),
            MaxPool2d(2),
            // 32 x 14 x 14
            Conv2d(32, 64, kernel_size: 3, padding: 1),
            ReLU(),
            MaxPool2d(2),
            // 64 x 7 x 7
            Flatten(),
            Linear(64 * 7 * 7, FeatureSize),
            ReLU());
            // 128 features
        head = Linear(FeatureSize, 10);
        // 10 class logits
        RegisterComponents();
    }

    /// <summary>The feature layer's activations, (B, 128).</summary>
    public Tensor Features(Tensor images) => features.forward(images);

    /// <summary>Class logits from features, (B, 10).</summary>
    public Tensor Classify(Tensor features) => head.forward(features);

    /// <summary>Class logits from images (B, 1, 28, 28), (B, 10).</summary>
    public override Tensor forward(Tensor input)
    {
        using var hidden = Features(input);
        return Classify(hidden);
    }
}
