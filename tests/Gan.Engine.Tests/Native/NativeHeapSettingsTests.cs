using System.Collections;
using Gan.Native;

namespace Gan.Engine.Tests.Native;

public sealed class NativeHeapSettingsTests
{
    [SkippableFact]
    public void Loading_libtorch_on_linux_keeps_freed_memory_in_the_heap()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && NativeHeapSettings.ShouldApply(Environment.GetEnvironmentVariables()),
            "glibc's malloc settings apply on Linux when the environment does not tune malloc itself");

        TorchNativeLoader.EnsureLoaded();

        // The effect on speed is measured by bench/cyclegan (page faults and kernel time), not asserted here.
        Assert.True(NativeHeapSettings.Applied, "glibc accepted the mmap and trim thresholds");
    }

    [Theory]
    [InlineData("MALLOC_TRIM_THRESHOLD_", "131072")]
    [InlineData("MALLOC_MMAP_THRESHOLD_", "65536")]
    [InlineData("MALLOC_TOP_PAD_", "0")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0")]
    [InlineData("GAN_MALLOC_DEFAULTS", "1")]
    public void A_user_who_tunes_malloc_keeps_their_settings(string name, string value)
    {
        Assert.False(NativeHeapSettings.ShouldApply(new Hashtable { [name] = value, ["HOME"] = "/root" }));
    }

    [Fact]
    public void Unrelated_variables_do_not_stop_the_settings()
    {
        Assert.True(NativeHeapSettings.ShouldApply(new Hashtable
        {
            ["GLIBC_TUNABLES"] = "glibc.pthread.rseq=0",
            ["MALLOC_ARENA_MAX"] = "2",
            ["GAN_MALLOC_DEFAULTS"] = "0",
        }));
    }
}
