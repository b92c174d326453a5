namespace Gan.Plugins.Text.Tests;

/// <summary>Tests that build networks or train share torch's process-global random generator: run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch";
}
