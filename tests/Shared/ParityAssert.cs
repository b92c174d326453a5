using Xunit;

namespace Gan.Tests.Shared;

/// <summary>What every parity test asserts: the reference's keys, its output shape, and its outputs within the tolerance.</summary>
internal static class ParityAssert
{
    public static void MatchesReference(ParityResult result)
    {
        Assert.Equal(result.FileKeys, result.ModuleKeys);
        Assert.Equal(result.ReferenceShape, result.OutputShape);
        Assert.InRange(result.MaxAbsDifference, 0, ParityResult.Tolerance);
    }
}
