using Gan.Abstractions;
using Gan.Plugins.Text.Data;

namespace Gan.Plugins.Text.Tests;

public sealed class QaPairsReaderTests
{
    [Fact]
    public void Tsv_with_header_yields_each_pair_with_its_line()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("qa.tsv", "question\tanswer\nWhat is 2 plus 2?\t2 plus 2 is 4.\n\n# a comment\nWho wrote Hamlet?\tShakespeare wrote Hamlet.\n");

        var pairs = QaPairsReader.Read(path, QaFileFormat.Auto);

        Assert.Equal(2, pairs.Count);
        Assert.Equal(("What is 2 plus 2?", "2 plus 2 is 4."), (pairs[0].Question, pairs[0].Answer));
        Assert.Equal("qa.tsv, line 5", pairs[1].Origin);
    }

    [Fact]
    public void Tsv_without_header_keeps_the_first_line()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("qa.txt", "What is 2 plus 2?\t2 plus 2 is 4.\n");

        Assert.Single(QaPairsReader.Read(path, QaFileFormat.Tsv));
    }

    [Fact]
    public void Tsv_line_with_three_fields_names_the_file_and_line()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("bad.tsv", "question\tanswer\nGood?\tYes.\nBad?\tNo.\textra\n");

        var error = Assert.Throws<GanInputException>(() => QaPairsReader.Read(path, QaFileFormat.Auto));

        Assert.Contains("bad.tsv, line 3", error.Message);
        Assert.Contains("found 3", error.Message);
    }

    [Fact]
    public void Tsv_line_with_an_empty_answer_names_the_line()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("empty.tsv", "Question one?\t\n");

        var error = Assert.Throws<GanInputException>(() => QaPairsReader.Read(path, QaFileFormat.Auto));

        Assert.Contains("empty.tsv, line 1", error.Message);
        Assert.Contains("answer is empty", error.Message);
    }

    [Fact]
    public void Json_lines_yield_question_and_answer_fields()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("qa.jsonl", "{\"question\": \"What is C#?\", \"answer\": \"A language.\", \"id\": 1}\n{\"question\":\"Why?\",\"answer\":\"Because.\"}\n");

        var pairs = QaPairsReader.Read(path, QaFileFormat.Auto);

        Assert.Equal(["What is C#?", "Why?"], pairs.Select(p => p.Question));
        Assert.Equal(["A language.", "Because."], pairs.Select(p => p.Answer));
    }

    [Fact]
    public void Invalid_json_line_names_the_file_and_line()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("qa.jsonl", "{\"question\": \"Q?\", \"answer\": \"A.\"}\n{\"question\": \"Q2?\", \"answer\": \n");

        var error = Assert.Throws<GanInputException>(() => QaPairsReader.Read(path, QaFileFormat.Auto));

        Assert.Contains("qa.jsonl, line 2", error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Json_line_without_an_answer_names_the_missing_field()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("qa.ndjson", "{\"question\": \"Q?\", \"reply\": \"A.\"}\n");

        var error = Assert.Throws<GanInputException>(() => QaPairsReader.Read(path, QaFileFormat.Auto));

        Assert.Contains("line 1", error.Message);
        Assert.Contains("\"answer\"", error.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var error = Assert.Throws<GanInputException>(() => QaPairsReader.Read("/nonexistent/qa.tsv", QaFileFormat.Auto));

        Assert.Contains("/nonexistent/qa.tsv", error.Message);
    }

    [Fact]
    public void Shipped_quick_start_file_reads_a_few_hundred_pairs()
    {
        var path = Path.Combine(Gan.Tests.Shared.RepositoryPaths.Root, "experiments", "data", "qa-general.tsv");

        var pairs = QaPairsReader.Read(path, QaFileFormat.Auto);

        Assert.InRange(pairs.Count, 300, 1000);
        Assert.Equal(pairs.Count, pairs.Select(p => p.Question).Distinct().Count());
    }
}
