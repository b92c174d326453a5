using Gan.Tracking.SystemMetrics;

namespace Gan.Tracking.Tests.SystemMetrics;

public sealed class SystemMetricsTests : IDisposable
{
    private readonly TemporaryDirectory _proc = new();

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void Readings_from_a_fake_proc_come_out_under_mlflows_names()
    {
        WriteProc(cpu: "cpu  1000 0 500 8000 500 0 0 0 0 0", receivedBytes: 5_000_000, sentBytes: 1_000_000);
        var source = new ProcSystemMetrics(_proc.Path);
        var first = new Dictionary<string, double>();
        source.Sample(first);

        // 1 s later on a 2-core machine: 150 more busy jiffies out of 200.
        WriteProc(cpu: "cpu  1100 0 550 8040 510 0 0 0 0 0", receivedBytes: 7_500_000, sentBytes: 1_250_000);
        var second = new Dictionary<string, double>();
        source.Sample(second);

        Assert.False(first.ContainsKey("system/cpu_utilization_percentage")); // a rate needs two readings
        Assert.Equal(75.0, second["system/cpu_utilization_percentage"], 6);
        Assert.Equal(6_000 * 1024 / 1e6, second["system/system_memory_usage_megabytes"], 6);
        Assert.Equal(37.5, second["system/system_memory_usage_percentage"], 6);
        Assert.Equal(2.5, second["system/network_receive_megabytes"], 6);
        Assert.Equal(0.25, second["system/network_transmit_megabytes"], 6);
        Assert.Equal(512 * 1024 / 1e6, second["system/process_memory_rss_megabytes"], 6);
    }

    [Fact]
    public void A_missing_proc_gives_no_values_and_no_error()
    {
        var values = new Dictionary<string, double>();
        new ProcSystemMetrics(_proc.Combine("absent")).Sample(values);
        Assert.Empty(values);
    }

    [Fact]
    public void The_disk_of_the_working_folder_is_measured()
    {
        var values = new Dictionary<string, double>();
        new DiskSystemMetrics(_proc.Path).Sample(values);

        Assert.InRange(values["system/disk_usage_percentage"], 0, 100);
        Assert.True(values["system/disk_available_megabytes"] > 0);
        Assert.True(values["system/disk_usage_megabytes"] > 0);
    }

    [Fact]
    public void Nvidia_smi_lines_give_each_used_device_its_utilisation_and_memory()
    {
        var values = new Dictionary<string, double>();
        NvidiaSmiMetrics.Parse("0, 87, 10240, 24576\n1, 3, 100, 24576\n", new HashSet<int> { 0 }, values);

        Assert.Equal(87, values["system/gpu_0_utilization_percentage"]);
        Assert.Equal(10240.0 * 1024 * 1024 / 1e6, values["system/gpu_0_memory_usage_megabytes"], 6);
        Assert.Equal(100.0 * 10240 / 24576, values["system/gpu_0_memory_usage_percentage"], 6);
        Assert.DoesNotContain(values.Keys, k => k.StartsWith("system/gpu_1", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_nvidia_smi_nothing_is_added()
    {
        var values = new Dictionary<string, double>();
        new NvidiaSmiMetrics(new HashSet<int> { 0 }, _proc.Combine("no-nvidia-smi")).Sample(values);
        Assert.Empty(values);
    }

    [Theory]
    [InlineData(null, null, null, true, 10.0)]
    [InlineData(null, "false", "2.5", false, 2.5)]
    [InlineData(true, "false", "0", true, 10.0)]
    [InlineData(false, "true", "x", false, 10.0)]
    public void The_yaml_switch_wins_over_mlflows_variables(bool? configured, string? enable, string? interval, bool enabled, double seconds)
    {
        var settings = SystemMetricsSettings.Resolve(configured, name => name switch
        {
            SystemMetricsSettings.EnableVariable => enable,
            SystemMetricsSettings.IntervalVariable => interval,
            _ => null,
        });

        Assert.Equal(new SystemMetricsSettings(enabled, TimeSpan.FromSeconds(seconds)), settings);
    }

    [Fact]
    public async Task The_sampler_logs_system_metrics_at_incrementing_steps_and_throughput_at_the_training_step()
    {
        WriteProc(cpu: "cpu  1000 0 500 8000 500 0 0 0 0 0", receivedBytes: 0, sentBytes: 0);
        var store = new FileTrackingStore(_proc.Combine("mlruns"));
        var throughput = new ThroughputCounter();
        string runId;
        await using (var run = await store.StartRunAsync(new RunStartRequest("sys", "r", new Dictionary<string, string>()), CancellationToken.None))
        {
            runId = run.RunId;
            await using (var sampler = new SystemMetricsSampler(run, [new ProcSystemMetrics(_proc.Path)], throughput))
            {
                sampler.Start(TimeSpan.FromHours(1)); // the timer never fires here: the test samples by hand
                for (var i = 1; i <= 3; i++)
                {
                    for (var step = 1; step <= 10; step++)
                    {
                        throughput.StepDone((i - 1) * 10 + step, examples: 64);
                    }

                    await Task.Delay(20);
                    sampler.SampleNow();
                }
            }

            await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        }

        var reader = new FileStoreReader(store.RootDirectory);
        Assert.Equal([0L, 1, 2], reader.GetMetricHistory(runId, "system/system_memory_usage_megabytes").Select(p => p.Step));
        var steps = reader.GetMetricHistory(runId, "throughput/steps_per_second");
        Assert.Equal([10L, 20, 30], steps.Select(p => p.Step));
        Assert.All(steps, p => Assert.InRange(p.Value, 1, 10 / 0.015)); // 10 steps in a little over 20 ms each time
        var examples = reader.GetMetricHistory(runId, "throughput/examples_per_second");
        Assert.Equal(steps.Select(p => p.Value * 64), examples.Select(p => p.Value), (a, b) => Math.Abs(a - b) < 1e-6 * a);
    }

    private void WriteProc(string cpu, long receivedBytes, long sentBytes)
    {
        _proc.WriteFile("stat", cpu + "\ncpu0 500 0 250 4000 250 0 0 0 0 0\nintr 1\n");
        _proc.WriteFile("meminfo", "MemTotal:       16000 kB\nMemFree:         2000 kB\nMemAvailable:   10000 kB\n");
        _proc.WriteFile(Path.Combine("self", "status"), "Name:\tgan\nVmRSS:\t     512 kB\nThreads:\t9\n");
        _proc.WriteFile(Path.Combine("net", "dev"),
            "Inter-|   Receive                                                |  Transmit\n" +
            " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n" +
            $"    lo: {receivedBytes / 5} 10 0 0 0 0 0 0 {sentBytes / 5} 10 0 0 0 0 0 0\n" +
            $"  eth0: {receivedBytes - receivedBytes / 5} 20 0 0 0 0 0 0 {sentBytes - sentBytes / 5} 20 0 0 0 0 0 0\n");
    }
}
