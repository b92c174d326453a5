using Gan.Engine.Plugins;

namespace Gan.Engine.Tests.Plugins;

public sealed class ContractsCompatibilityTests
{
    [Theory]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.0.0", "1.3.0")]
    [InlineData("1.2.5", "1.3.0")]
    public void Same_major_and_older_or_equal_minor_is_compatible(string plugin, string host) =>
        Assert.Null(ContractsCompatibility.Check(Version.Parse(plugin), Version.Parse(host)));

    [Theory]
    [InlineData("2.0.0", "1.4.0", "major versions must match")]
    [InlineData("0.9.0", "1.0.0", "major versions must match")]
    [InlineData("1.5.0", "1.4.0", "newer than this host")]
    public void Other_major_or_newer_minor_is_refused_naming_both_versions(string plugin, string host, string reason)
    {
        var message = ContractsCompatibility.Check(Version.Parse(plugin), Version.Parse(host));

        Assert.NotNull(message);
        Assert.Contains(plugin, message);
        Assert.Contains(host, message);
        Assert.Contains(reason, message);
    }
}
