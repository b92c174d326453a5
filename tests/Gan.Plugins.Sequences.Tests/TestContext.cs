using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

namespace Gan.Plugins.Sequences.Tests;

/// <summary>A component context over a temporary folder, and a temporary folder that removes itself.</summary>
internal sealed class TestContext : IDisposable
{
    public TestContext(int seed = 7)
    {
        Folder = Path.Combine(Path.GetTempPath(), "gan-seq-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Components = new ComponentContext(
            torch.CPU, seed, Folder, Path.Combine(Folder, "cache"), NullLoggerFactory.Instance,
            new NoProgress(), new ServiceCollection().BuildServiceProvider());
    }

    public string Folder { get; }

    public ComponentContext Components { get; }

    /// <summary>Writes <paramref name="content"/> to a file in the folder and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class NoProgress : IProgressReporter, IProgressTask
    {
        public IProgressTask Start(string description, long? total, string unit = "items") => this;

        public void Advance(long amount) { }

        public void SetTotal(long total) { }

        public void Dispose() { }
    }
}
