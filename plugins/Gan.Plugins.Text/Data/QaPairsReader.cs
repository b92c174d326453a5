using System.Text;
using System.Text.Json;
using Gan.Abstractions;

namespace Gan.Plugins.Text.Data;

/// <summary>Reads question-answer pairs from a TSV or JSON Lines file; blank lines and lines starting with '#' are skipped.</summary>
internal static class QaPairsReader
{
    /// <summary>Reads every pair; throws <see cref="GanInputException"/> naming the file and line of a malformed record.</summary>
    public static List<QaPair> Read(string path, QaFileFormat format)
    {
        if (!File.Exists(path))
        {
            throw new GanInputException($"Question-answer file {path} does not exist. Check the data source's 'path' (relative to data_root).");
        }

        if (format == QaFileFormat.Auto)
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            format = extension is ".jsonl" or ".ndjson" ? QaFileFormat.Jsonl : QaFileFormat.Tsv;
        }

        var pairs = new List<QaPair>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || (format == QaFileFormat.Tsv && trimmed.StartsWith('#')))
            {
                continue;
            }

            var origin = $"{Path.GetFileName(path)}, line {lineNumber}";
            var pair = format == QaFileFormat.Jsonl ? ParseJson(line, path, lineNumber, origin) : ParseTsv(line, path, lineNumber, origin);
            if (pair is not null)
            {
                pairs.Add(pair);
            }
        }

        if (pairs.Count == 0)
        {
            throw new GanInputException($"{path} holds no question-answer pairs.");
        }

        return pairs;
    }

    private static QaPair? ParseTsv(string line, string path, int lineNumber, string origin)
    {
        var fields = line.Split('\t');
        if (fields.Length != 2)
        {
            throw new GanInputException(
                $"{path}, line {lineNumber}: expected 2 tab-separated fields (question<TAB>answer), found {fields.Length}.");
        }

        var (question, answer) = (fields[0].Trim(), fields[1].Trim());
        if (lineNumber == 1 && question.Equals("question", StringComparison.OrdinalIgnoreCase) && answer.Equals("answer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Checked(question, answer, path, lineNumber, origin);
    }

    private static QaPair ParseJson(string line, string path, int lineNumber, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new GanInputException($"{path}, line {lineNumber}: expected a JSON object with \"question\" and \"answer\".");
            }

            return Checked(StringField(document.RootElement, "question", path, lineNumber), StringField(document.RootElement, "answer", path, lineNumber),
                path, lineNumber, origin);
        }
        catch (JsonException ex)
        {
            throw new GanInputException($"{path}, line {lineNumber}: not valid JSON ({ex.Message}).", ex);
        }
    }

    private static string StringField(JsonElement record, string name, string path, int lineNumber) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : throw new GanInputException($"{path}, line {lineNumber}: the record has no string field \"{name}\".");

    private static QaPair Checked(string question, string answer, string path, int lineNumber, string origin)
    {
        if (question.Length == 0 || answer.Length == 0)
        {
            throw new GanInputException($"{path}, line {lineNumber}: the {(question.Length == 0 ? "question" : "answer")} is empty.");
        }

        return new QaPair(question, answer, origin);
    }
}
