using Gan.Bench.Mnist;

namespace Gan.Bench;

/// <summary>
/// Runs one side of a scenario in a fresh process of this benchmark (no allocator or JIT state carried between
/// sides) and reads the <see cref="LoopMeasurement"/> it prints.
/// </summary>
internal static class SideProcess
{
    /// <param name="arguments">The scenario name and its options, as on the command line.</param>
    /// <param name="what">The side, for the error message.</param>
    /// <param name="cancellationToken">Stops the child.</param>
    public static async Task<LoopMeasurement> RunAsync(IEnumerable<string> arguments, string what, CancellationToken cancellationToken)
    {
        var (fileName, prefix) = SelfProcess.Command();
        var result = await ChildProcess.RunAsync(fileName, [.. prefix, .. arguments], null, RepositoryLayout.Root, cancellationToken);
        if (result.ExitCode != 0 || result.LastJsonLine is not { } json)
        {
            throw new InvalidOperationException($"The {what} failed: {result.Describe()}");
        }

        return LoopMeasurement.Parse(json);
    }
}
