namespace Gan.Plugins.Mnist.Tests;

/// <summary>The real MNIST files, loaded once for all the tests that read them (decoding takes about a second).</summary>
public sealed class RealMnistFixture : IDisposable
{
    private static readonly HttpClient NoNetwork = new();

    public RealMnistFixture()
    {
        // Download off: these tests must read the shared files, never the network.
        var options = new MnistDataOptions { Path = "mnist", Download = false };
        Source = new MnistDataSource(TestData.Context(Gan.Tests.Shared.RepositoryPaths.SharedData), options, NoNetwork);
        Source.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    internal MnistDataSource Source { get; }

    public void Dispose() => Source.Dispose();
}
