using System.Text.Json;
using Gan.Abstractions;

namespace Gan.Plugins.Text.Data;

/// <summary>
/// Reads SQuAD v1.1 / v2.0 JSON: data[].paragraphs[].qas[] with "question", "answers"[{"text"}] and, in 2.0,
/// "is_impossible". Each question becomes one pair with its first answer.
/// </summary>
internal static class SquadReader
{
    /// <summary>Reads the pairs; malformed records are reported by article, paragraph and question index.</summary>
    public static List<QaPair> Read(string path, UnanswerableHandling unanswerable, string unanswerableText)
    {
        if (!File.Exists(path))
        {
            throw new GanInputException($"SQuAD file {path} does not exist. Check the data source's 'path' (relative to data_root).");
        }

        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new GanInputException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new GanInputException($"{path}: not a SQuAD file (expected an object with a \"data\" array).");
            }

            var pairs = new List<QaPair>();
            var name = Path.GetFileName(path);
            var article = 0;
            foreach (var entry in data.EnumerateArray())
            {
                var paragraph = 0;
                foreach (var paragraphEntry in ArrayField(entry, "paragraphs", path, $"article {article}"))
                {
                    var question = 0;
                    foreach (var qa in ArrayField(paragraphEntry, "qas", path, $"article {article}, paragraph {paragraph}"))
                    {
                        var where = $"article {article}, paragraph {paragraph}, question {question}";
                        if (Read(qa, path, where, unanswerable, unanswerableText) is { } pair)
                        {
                            pairs.Add(pair with { Origin = $"{name}, {where}" });
                        }

                        question++;
                    }

                    paragraph++;
                }

                article++;
            }

            if (pairs.Count == 0)
            {
                throw new GanInputException($"{path} holds no answerable questions.");
            }

            return pairs;
        }
    }

    private static QaPair? Read(JsonElement qa, string path, string where, UnanswerableHandling unanswerable, string unanswerableText)
    {
        if (qa.ValueKind != JsonValueKind.Object || !qa.TryGetProperty("question", out var questionElement) || questionElement.ValueKind != JsonValueKind.String)
        {
            throw new GanInputException($"{path}, {where}: the record has no string \"question\".");
        }

        var question = questionElement.GetString()!.Trim();
        var impossible = qa.TryGetProperty("is_impossible", out var flag) && flag.ValueKind == JsonValueKind.True;
        var answers = qa.TryGetProperty("answers", out var answersElement) && answersElement.ValueKind == JsonValueKind.Array
            ? answersElement
            : throw new GanInputException($"{path}, {where}: the record has no \"answers\" array.");
        if (impossible || answers.GetArrayLength() == 0)
        {
            return unanswerable == UnanswerableHandling.Skip ? null : new QaPair(question, unanswerableText, where);
        }

        var first = answers[0];
        if (first.ValueKind != JsonValueKind.Object || !first.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            throw new GanInputException($"{path}, {where}: answer 0 has no string \"text\".");
        }

        var answer = text.GetString()!.Trim();
        if (question.Length == 0 || answer.Length == 0)
        {
            throw new GanInputException($"{path}, {where}: the {(question.Length == 0 ? "question" : "answer")} is empty.");
        }

        return new QaPair(question, answer, where);
    }

    private static JsonElement.ArrayEnumerator ArrayField(JsonElement element, string name, string path, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : throw new GanInputException($"{path}, {where}: expected a \"{name}\" array.");
}
