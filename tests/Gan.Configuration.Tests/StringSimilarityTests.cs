namespace Gan.Configuration.Tests;

public class StringSimilarityTests
{
    [Theory]
    [InlineData("hiden", "hidden_sizes")]
    [InlineData("latnt_dim", "latent_dim")]
    [InlineData("LATENT_DIM", "latent_dim")]
    [InlineData("image", "image_size")]
    [InlineData("leaky", "leaky_slope")]
    public void Closest_match_finds_typos_and_partial_keys(string input, string expected)
    {
        string[] keys = ["channels", "hidden_sizes", "image_size", "latent_dim", "leaky_slope"];

        Assert.Equal(expected, StringSimilarity.ClosestMatch(input, keys));
    }

    [Fact]
    public void Closest_match_finds_misspelt_component_names()
    {
        Assert.Equal("mnist-mlp", StringSimilarity.ClosestMatch("mnist-mpl", ["mnist-mlp", "mnist-dcgan", "cyclegan-resnet"]));
    }

    [Fact]
    public void Nothing_close_gives_no_suggestion()
    {
        Assert.Null(StringSimilarity.ClosestMatch("optimizer", ["channels", "latent_dim"]));
        Assert.Null(StringSimilarity.ClosestMatch("x", []));
    }

    [Theory]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("same", "same", 0)]
    public void Distance_is_levenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, StringSimilarity.Distance(a, b));
    }
}
