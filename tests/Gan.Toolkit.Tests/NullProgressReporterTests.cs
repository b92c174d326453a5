namespace Gan.Toolkit.Tests;

public sealed class NullProgressReporterTests
{
    [Fact]
    public void Tasks_accept_every_call_and_show_nothing()
    {
        using var task = NullProgressReporter.Instance.Start("Downloading", 10, "bytes");
        task.SetTotal(20);
        task.Advance(5);

        Assert.Same(NullProgressReporter.Instance, task);
    }
}
