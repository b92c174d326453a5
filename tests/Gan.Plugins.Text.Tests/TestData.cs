using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using Gan.Toolkit;

namespace Gan.Plugins.Text.Tests;

/// <summary>Small real inputs: a component context, a TSV of pairs, prepared data sources.</summary>
internal static class TestData
{
    public static ComponentContext Context(string dataRoot, int seed = 7) => new(
        torch.CPU, seed, dataRoot, Path.Combine(dataRoot, "cache"), NullLoggerFactory.Instance, NullProgressReporter.Instance,
        new ServiceCollection().BuildServiceProvider());

    /// <summary>Twenty templated pairs: enough for a split and a vocabulary with repeated words.</summary>
    public static string Tsv()
    {
        var lines = new List<string> { "question\tanswer" };
        string[] countries = ["France", "Spain", "Italy", "Japan", "Kenya", "Peru", "Chile", "Egypt", "Greece", "Poland"];
        string[] capitals = ["Paris", "Madrid", "Rome", "Tokyo", "Nairobi", "Lima", "Santiago", "Cairo", "Athens", "Warsaw"];
        for (var i = 0; i < countries.Length; i++)
        {
            lines.Add($"What is the capital of {countries[i]}?\tThe capital of {countries[i]} is {capitals[i]}.");
            lines.Add($"Where is {capitals[i]}?\t{capitals[i]} is in {countries[i]}.");
        }

        return string.Join('\n', lines) + "\n";
    }

    public static QaDataSource PairsSource(ComponentContext context, QaPairsDataOptions options) =>
        new(context, options, "qa-pairs", context.ResolveDataPath(options.Path), () => QaPairsReader.Read(context.ResolveDataPath(options.Path), options.Format));
}
