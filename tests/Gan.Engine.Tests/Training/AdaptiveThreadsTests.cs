using Gan.Engine.Training;

namespace Gan.Engine.Tests.Training;

public sealed class AdaptiveThreadsTests
{
    [Theory]
    [InlineData(2, 0.0, 2)]
    [InlineData(2, 0.2, 2)]
    [InlineData(2, 0.9, 1)] // one competing busy process: one thread (measured: two threads fall to a tenth of their speed)
    [InlineData(2, 2.0, 1)] // never fewer than one
    [InlineData(8, 3.0, 5)]
    public void Threads_follow_the_cores_other_processes_leave_free(int cores, double othersBusy, int expected) =>
        Assert.Equal(expected, AdaptiveThreads.ThreadsFor(cores, othersBusy));

    [SkippableFact]
    public void Busy_cores_of_other_processes_are_read_from_proc_as_a_share_of_the_machine()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads /proc");
        var cpu = new CpuAvailability();

        Assert.Null(cpu.OthersBusyCores()); // the first reading is the baseline
        Thread.Sleep(200);
        var busy = cpu.OthersBusyCores();

        Assert.NotNull(busy);
        Assert.InRange(busy!.Value, 0, cpu.Cores);
    }
}
