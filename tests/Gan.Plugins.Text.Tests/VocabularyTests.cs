using Gan.Abstractions;
using Gan.Plugins.Text.Data;
using Gan.Plugins.Text.Text;

namespace Gan.Plugins.Text.Tests;

public sealed class VocabularyTests
{
    [Fact]
    public void Specials_come_first_then_words_by_count_then_ordinal()
    {
        var vocabulary = Vocabulary.Build([["b", "a", "c", "a"], ["c", "a", "d"]], minCount: 1, maxSize: 100);

        Assert.Equal(["<pad>", "<s>", "</s>", "<unk>", "<sep>", "a", "c", "b", "d"], Enumerable.Range(0, vocabulary.Count).Select(i => vocabulary[i]));
    }

    [Fact]
    public void Min_count_and_size_cap_send_rare_words_to_unknown()
    {
        var vocabulary = Vocabulary.Build([["x", "x", "x", "y", "y", "z"]], minCount: 2, maxSize: 6);

        Assert.Equal(6, vocabulary.Count);
        Assert.Equal(5, vocabulary.IdOf("x"));
        Assert.Equal(Vocabulary.Unknown, vocabulary.IdOf("y"));
        Assert.Equal(Vocabulary.Unknown, vocabulary.IdOf("z"));
    }

    [Fact]
    public void Saved_vocabulary_loads_with_identical_ids()
    {
        using var folder = new TemporaryDirectory();
        var vocabulary = Vocabulary.Build([WordTokenizer.Tokenize("What's the capital of France? Paris, of course.")], 1, 100);
        var path = Path.Combine(folder.Path, "vocab.txt");

        vocabulary.Save(path);
        var loaded = Vocabulary.Load(path);

        Assert.Equal(vocabulary.ToText(), loaded.ToText());
        Assert.Equal(vocabulary.IdOf("paris"), loaded.IdOf("paris"));
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_vocabulary_names_the_file_and_line()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.WriteFile("words.txt", "<pad>\nhello\n");

        var error = Assert.Throws<GanInputException>(() => Vocabulary.Load(path));

        Assert.Contains("words.txt, line 2", error.Message);
    }

    [Fact]
    public void Decoding_stops_at_the_end_token_and_reads_as_a_sentence()
    {
        var vocabulary = Vocabulary.Build([WordTokenizer.Tokenize("The capital of France is Paris.")], 1, 100);
        var ids = vocabulary.Encode(WordTokenizer.Tokenize("The capital of France is Paris."), 50).Append(Vocabulary.End).Append(vocabulary.IdOf("paris"));

        Assert.Equal("the capital of france is paris.", vocabulary.Decode(ids));
    }

    [Fact]
    public void Tokenizer_keeps_language_names_and_splits_punctuation_and_clitics()
    {
        Assert.Equal(["what", "'s", "c#", "and", "c++", "run", "3.14", "times", "?"], WordTokenizer.Tokenize("What's C# and C++ run 3.14 times?"));
    }

    [Fact]
    public void Tokens_round_trip_to_readable_text()
    {
        var text = "it's a computer's memory (ram), isn't it?";

        Assert.Equal(text, WordTokenizer.Detokenize(WordTokenizer.Tokenize(text)));
    }

    [Fact]
    public void Rebuilding_the_data_source_gives_the_same_vocabulary_split_and_cache_file()
    {
        using var folder = new TemporaryDirectory();
        folder.WriteFile("qa.tsv", TestData.Tsv());
        var options = new QaPairsDataOptions { Path = "qa.tsv", ValidationFraction = 0.2, BatchSize = 4 };

        var first = TestData.PairsSource(TestData.Context(folder.Path), options);
        var second = TestData.PairsSource(TestData.Context(folder.Path), options);
        first.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();
        second.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();

        Assert.Equal(first.Vocabulary.ToText(), second.Vocabulary.ToText());
        Assert.Equal(first.VocabularyPath, second.VocabularyPath);
        Assert.Equal(first.Vocabulary.ToText(), Vocabulary.Load(first.VocabularyPath).ToText());
        Assert.Equal(4, first.Pairs(DataSplit.Validation).Count);
        Assert.Equal(first.Pairs(DataSplit.Validation).Select(p => p.Source.Question), second.Pairs(DataSplit.Validation).Select(p => p.Source.Question));
    }

    [Fact]
    public void Another_seed_holds_out_other_pairs()
    {
        using var folder = new TemporaryDirectory();
        folder.WriteFile("qa.tsv", TestData.Tsv());
        var options = new QaPairsDataOptions { Path = "qa.tsv", ValidationFraction = 0.2 };
        var a = TestData.PairsSource(TestData.Context(folder.Path, seed: 1), options);
        var b = TestData.PairsSource(TestData.Context(folder.Path, seed: 2), options);
        a.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();
        b.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();

        Assert.NotEqual(a.Pairs(DataSplit.Validation).Select(p => p.Source.Question), b.Pairs(DataSplit.Validation).Select(p => p.Source.Question));
    }

    [Fact]
    public void Batches_are_padded_int64_questions_and_answers_ending_with_the_end_token()
    {
        using var folder = new TemporaryDirectory();
        folder.WriteFile("qa.tsv", TestData.Tsv());
        var source = TestData.PairsSource(TestData.Context(folder.Path), new QaPairsDataOptions { Path = "qa.tsv", BatchSize = 5, ValidationFraction = 0.2 });
        source.PrepareAsync(CancellationToken.None).GetAwaiter().GetResult();

        var batches = source.ReadEpoch(new EpochRequest(DataSplit.Train, 0, 7), CancellationToken.None).ToList();
        try
        {
            Assert.Equal(source.BatchesPerEpoch(DataSplit.Train), batches.Count);
            var first = batches[0];
            var answer = first[QaBatches.AnswerKey];
            Assert.Equal(TorchSharp.torch.ScalarType.Int64, first[QaBatches.QuestionKey].dtype);
            Assert.Equal(5, first.Count);
            var lengths = answer.ne(Vocabulary.Pad).sum(1);
            for (var row = 0; row < 5; row++)
            {
                Assert.Equal(Vocabulary.End, answer[row, lengths[row].item<long>() - 1].item<long>());
            }
        }
        finally
        {
            batches.ForEach(b => b.Dispose());
        }
    }
}
