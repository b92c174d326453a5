namespace Gan.Plugins.Mnist.Tests.Quality;

/// <summary>Tests that draw from torch's process-global random stream run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class TorchRandomCollection
{
    public const string Name = "torch global random stream";
}
