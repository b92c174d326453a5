namespace Gan.Bench.Parity;

/// <summary>The parity rows as a Markdown table, so the output pastes into bench/parity/README.md unchanged.</summary>
internal static class ParityTable
{
    private static readonly string[] Header = ["network", "component", "parameters", "input shape", "state_dict keys", "max abs output", "max abs diff", "< 1e-5"];

    public static void Print(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(Header, widths));
        output.WriteLine("|" + string.Join("|", widths.Select((w, i) => i is 2 or 5 or 6 ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => i is 2 or 5 or 6 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |";
}
