namespace Gan.Tracking.Tests;

public sealed class LogBatchChunkingTests
{
    [Fact]
    public async Task Metrics_params_and_tags_are_chunked_at_mlflow_limits_and_all_arrive()
    {
        using var f = new RestFixture();
        var run = await f.StartAsync();
        for (var i = 0; i < 250; i++)
        {
            run.LogParam($"p{i:D3}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            run.SetTag($"t{i:D3}", "x");
        }

        for (var step = 0; step < 2500; step++)
        {
            run.LogMetric("loss", step, step);
        }

        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var recorded = f.Server.GetRun(run.RunId);
        Assert.Equal(250, recorded.Params.Count);
        Assert.Equal(250, recorded.Tags.Keys.Count(k => k.StartsWith('t')));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), f.Steps(run.RunId, "loss"));
        Assert.All(f.Server.Batches, b =>
        {
            Assert.InRange(b.Metrics, 0, 1000);
            Assert.InRange(b.Params, 0, 100);
            Assert.InRange(b.Tags, 0, 100);
            Assert.InRange(b.Metrics + b.Params + b.Tags, 1, 1000);
        });
        Assert.Contains(f.Server.Batches, b => b.Metrics == 1000);
        Assert.Contains(f.Server.Batches, b => b.Params == 100);
        Assert.DoesNotContain(f.Server.Errors, e => e.Status == 400);
    }

    [Fact]
    public async Task Large_values_are_split_under_one_megabyte_and_long_ones_truncated_with_a_record()
    {
        using var f = new RestFixture();
        var run = await f.StartAsync();
        var big = new string('é', 5900);
        for (var i = 0; i < 100; i++)
        {
            run.LogParam($"big{i:D3}", big);
        }

        run.SetTag("too.long", new string('t', 9000));
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var recorded = f.Server.GetRun(run.RunId);
        Assert.Equal(100, recorded.Params.Count(p => p.Key.StartsWith("big", StringComparison.Ordinal)));
        Assert.All(f.Server.Requests.Where(r => r.PathAndQuery.EndsWith("log-batch", StringComparison.Ordinal)), r => Assert.InRange(r.BodyBytes, 1, LogBatchLimits.MaxRequestBytes));
        Assert.True(f.Server.Batches.Count(b => b.Params > 0) > 1);
        Assert.Equal(TrackingKeys.MaxTagValueLength, recorded.Tags["too.long"].Length);
        Assert.Equal("value of 9000 characters truncated to 8000", recorded.Tags[TrackingKeys.TruncatedTagKey("too.long")]);
        Assert.Single(f.Logs.Warnings, w => w.Message.Contains("too.long", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tag_set_twice_ends_the_chunk_so_the_later_value_wins()
    {
        SpoolLine Tag(string key, string value) => new() { Kind = SpoolLine.TagKind, Key = key, Text = value };
        var lines = new List<SpoolLine> { Tag("a", "1"), Tag("b", "1"), Tag("a", "2"), Tag("c", "1") };
        Assert.Equal(2, LogBatchChunker.NextChunk(lines, 0));
        Assert.Equal(2, LogBatchChunker.NextChunk(lines, 2));
    }

    [Fact]
    public void Artifacts_and_the_end_record_are_never_inside_a_batch()
    {
        var lines = new List<SpoolLine>
        {
            new() { Kind = SpoolLine.MetricKind, Key = "m", Value = 1, Step = 0 },
            new() { Kind = SpoolLine.ArtifactKind, Key = "a.txt", Content = [1] },
            new() { Kind = SpoolLine.MetricKind, Key = "m", Value = 2, Step = 1 },
        };
        Assert.Equal(1, LogBatchChunker.NextChunk(lines, 0));
    }
}
