using System.Globalization;
using Gan.Abstractions;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// Reads one named numeric column of a CSV file with a header row, applying a <see cref="MissingValuePolicy"/>.
/// Rows are numbered as a spreadsheet shows them: the header is row 1.
/// </summary>
internal static class CsvColumnReader
{
    private static readonly string[] MissingMarkers = ["", "na", "nan", "n/a", "null", "?"];

    /// <summary>The column's values in file order, after the missing-value policy.</summary>
    public static double[] Read(string path, string column, char delimiter, MissingValuePolicy missing)
    {
        if (!File.Exists(path))
        {
            throw new GanInputException($"{path}: the CSV file does not exist. Check `path` on the data source (relative paths resolve against data_root).");
        }

        var lines = File.ReadAllLines(path);
        var headerRow = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerRow < 0)
        {
            throw new GanInputException($"{path}: the CSV file is empty; it needs a header row naming the columns.");
        }

        var header = CsvLine.Split(lines[headerRow], delimiter).Select(h => h.Trim()).ToList();
        var index = header.FindIndex(h => string.Equals(h, column, StringComparison.Ordinal));
        if (index < 0)
        {
            index = header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        }

        if (index < 0)
        {
            throw new GanInputException(
                $"{path}: row {headerRow + 1}: no column named '{column}' in the header (columns: {string.Join(", ", header.Select(h => $"'{h}'"))}).");
        }

        var values = new List<double>();
        for (var i = headerRow + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var row = i + 1;
            var fields = CsvLine.Split(lines[i], delimiter);
            var cell = index < fields.Count ? fields[index].Trim() : "";
            if (MissingMarkers.Contains(cell.ToLowerInvariant()))
            {
                switch (missing)
                {
                    case MissingValuePolicy.Fail:
                        throw new GanInputException(
                            $"{path}: row {row}, column '{header[index]}': missing value{(cell.Length > 0 ? $" ('{cell}')" : "")}. " +
                            "Fill it in, or set `missing: drop` or `missing: interpolate` on the data source.");
                    case MissingValuePolicy.Drop:
                        continue;
                    default:
                        values.Add(double.NaN);
                        continue;
                }
            }

            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new GanInputException($"{path}: row {row}, column '{header[index]}': '{cell}' is not a number.");
            }

            values.Add(value);
        }

        if (!values.Any(double.IsFinite))
        {
            throw new GanInputException($"{path}: column '{header[index]}' has no numeric values.");
        }

        var result = values.ToArray();
        if (missing == MissingValuePolicy.Interpolate)
        {
            Interpolate(result);
        }

        return result;
    }

    /// <summary>Fills NaN gaps linearly between known neighbours; leading and trailing gaps take the nearest known value.</summary>
    internal static void Interpolate(double[] values)
    {
        var previous = -1;
        for (var i = 0; i <= values.Length; i++)
        {
            if (i < values.Length && double.IsNaN(values[i]))
            {
                continue;
            }

            // A gap runs from previous + 1 to i - 1.
            for (var j = previous + 1; j < i; j++)
            {
                values[j] = previous < 0 ? values[i]
                    : i == values.Length ? values[previous]
                    : values[previous] + ((values[i] - values[previous]) * (j - previous) / (i - previous));
            }

            previous = i;
        }
    }
}
