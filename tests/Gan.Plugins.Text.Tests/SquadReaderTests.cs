using Gan.Abstractions;
using Gan.Plugins.Text.Data;

namespace Gan.Plugins.Text.Tests;

public sealed class SquadReaderTests
{
    private const string Squad2 = """
        {"version": "v2.0", "data": [{"title": "Rivers", "paragraphs": [
          {"context": "The Nile flows north.", "qas": [
            {"question": "Which way does the Nile flow?", "id": "a", "answers": [{"text": "north", "answer_start": 16}, {"text": "flows north", "answer_start": 10}], "is_impossible": false},
            {"question": "Who dug the Nile?", "id": "b", "answers": [], "plausible_answers": [{"text": "The Nile", "answer_start": 0}], "is_impossible": true}]},
          {"context": "The Amazon is long.", "qas": [
            {"question": "What is long?", "id": "c", "answers": [{"text": "The Amazon", "answer_start": 0}]}]}]}]}
        """;

    [Fact]
    public void Answerable_questions_take_their_first_answer_and_unanswerable_ones_are_skipped()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("squad.json", Squad2);

        var pairs = SquadReader.Read(path, UnanswerableHandling.Skip, "unanswerable");

        Assert.Equal([("Which way does the Nile flow?", "north"), ("What is long?", "The Amazon")], pairs.Select(p => (p.Question, p.Answer)));
        Assert.Equal("squad.json, article 0, paragraph 1, question 0", pairs[1].Origin);
    }

    [Fact]
    public void Unanswerable_questions_can_map_to_a_configured_answer()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("squad.json", Squad2);

        var pairs = SquadReader.Read(path, UnanswerableHandling.Token, "no answer");

        Assert.Equal(3, pairs.Count);
        Assert.Equal(("Who dug the Nile?", "no answer"), (pairs[1].Question, pairs[1].Answer));
    }

    [Fact]
    public void Record_without_a_question_names_article_paragraph_and_question_index()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("broken.json", """
            {"data": [{"paragraphs": [{"qas": [{"question": "Fine?", "answers": [{"text": "yes"}]}]}]},
                      {"paragraphs": [{"qas": []}, {"qas": [{"question": "Fine?", "answers": [{"text": "yes"}]}, {"id": "x", "answers": []}]}]}]}
            """);

        var error = Assert.Throws<GanInputException>(() => SquadReader.Read(path, UnanswerableHandling.Skip, "unanswerable"));

        Assert.Contains("broken.json", error.Message);
        Assert.Contains("article 1, paragraph 1, question 1", error.Message);
    }

    [Fact]
    public void Answer_without_text_is_reported()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("notext.json", """{"data": [{"paragraphs": [{"qas": [{"question": "Q?", "answers": [{"answer_start": 3}]}]}]}]}""");

        var error = Assert.Throws<GanInputException>(() => SquadReader.Read(path, UnanswerableHandling.Skip, "unanswerable"));

        Assert.Contains("article 0, paragraph 0, question 0: answer 0 has no string \"text\"", error.Message);
    }

    [Fact]
    public void Truncated_json_names_the_file()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("cut.json", Squad2[..200]);

        var error = Assert.Throws<GanInputException>(() => SquadReader.Read(path, UnanswerableHandling.Skip, "unanswerable"));

        Assert.Contains("cut.json is not valid JSON", error.Message);
    }

    [Fact]
    public void Real_squad_2_subset_reads_answerable_questions()
    {
        var path = Path.Combine(Gan.Tests.Shared.RepositoryPaths.SharedData, "squad", "squad-v2.0-dev-first5articles.json");
        if (!File.Exists(path))
        {
            return;
        }

        var skipped = SquadReader.Read(path, UnanswerableHandling.Skip, "unanswerable");
        var all = SquadReader.Read(path, UnanswerableHandling.Token, "unanswerable");

        Assert.Equal(("In what country is Normandy located?", "France"), (skipped[0].Question, skipped[0].Answer));
        Assert.True(all.Count > skipped.Count);
        Assert.Contains(all, p => p.Answer == "unanswerable");
    }
}
