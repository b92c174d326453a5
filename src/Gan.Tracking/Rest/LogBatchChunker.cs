namespace Gan.Tracking;

/// <summary>
/// Cuts a run of consecutive metric/param/tag records into <c>runs/log-batch</c> chunks within
/// <see cref="LogBatchLimits"/>. A key seen twice ends the chunk, so a later value of a tag is never sent in the
/// same request as an earlier one (the server's order within a request is not defined).
/// </summary>
internal static class LogBatchChunker
{
    // Envelope ({"run_id":"<32 hex>","metrics":[],"params":[],"tags":[]}) with room to spare.
    private const int EnvelopeBytes = 256;

    /// <summary>How many records from <paramref name="start"/> go into the next chunk (at least one batchable record).</summary>
    public static int NextChunk(IReadOnlyList<SpoolLine> lines, int start)
    {
        int metrics = 0, parameters = 0, tags = 0;
        long bytes = EnvelopeBytes;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var i = start;
        for (; i < lines.Count && lines[i].IsBatchable; i++)
        {
            var line = lines[i];
            var size = EstimateBytes(line);
            var fits = line.Kind switch
            {
                SpoolLine.MetricKind => metrics < LogBatchLimits.MaxMetrics,
                SpoolLine.ParamKind => parameters < LogBatchLimits.MaxParams && keys.Add("p:" + line.Key),
                _ => tags < LogBatchLimits.MaxTags && keys.Add("t:" + line.Key),
            };
            if (!fits || metrics + parameters + tags >= LogBatchLimits.MaxEntities || (bytes + size > LogBatchLimits.MaxRequestBytes && i > start))
            {
                break;
            }

            bytes += size;
            switch (line.Kind)
            {
                case SpoolLine.MetricKind: metrics++; break;
                case SpoolLine.ParamKind: parameters++; break;
                default: tags++; break;
            }
        }

        return i - start;
    }

    /// <summary>An upper bound of the record's JSON size: System.Text.Json escapes non-ASCII and HTML-sensitive characters as \uXXXX.</summary>
    public static long EstimateBytes(SpoolLine line) =>
        line.Kind == SpoolLine.MetricKind
            ? 80 + JsonStringBytes(line.Key)
            : 40 + JsonStringBytes(line.Key) + JsonStringBytes(line.Text);

    private static long JsonStringBytes(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        long n = 2;
        foreach (var c in text)
        {
            n += c is >= ' ' and < (char)0x7F and not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`') ? 1 : 6;
        }

        return n;
    }
}
