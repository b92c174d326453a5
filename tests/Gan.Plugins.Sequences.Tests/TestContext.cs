using Gan.Abstractions;
using Gan.Toolkit;
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
            NullProgressReporter.Instance, new ServiceCollection().BuildServiceProvider());
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
}
