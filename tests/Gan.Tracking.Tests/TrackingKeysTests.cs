namespace Gan.Tracking.Tests;

public sealed class TrackingKeysTests
{
    [Theory]
    [InlineData("loss/d", "loss/d")]
    [InlineData("Loss D_1.5-x", "Loss D_1.5-x")]
    [InlineData("acc@top#1", "acc_top_1")]
    [InlineData("a//b/", "a/b")]
    [InlineData("/lead", "lead")]
    [InlineData("./x/../y", "_/x/__/y")]
    [InlineData("", "_")]
    [InlineData("///", "_")]
    [InlineData("naïve", "naïve")]
    public void SanitizeMetricKey_replaces_what_mlflow_rejects(string key, string expected)
    {
        Assert.Equal(expected, TrackingKeys.SanitizeMetricKey(key));
        Assert.True(TrackingKeys.IsValidKey(expected));
    }

    [Fact]
    public void Colon_is_kept_except_on_windows()
    {
        Assert.Equal(OperatingSystem.IsWindows() ? "time_ms" : "time:ms", TrackingKeys.SanitizeMetricKey("time:ms"));
    }

    [Fact]
    public void Keys_are_cut_to_250_characters()
    {
        var key = TrackingKeys.SanitizeMetricKey(new string('k', 300));
        Assert.Equal(TrackingKeys.MaxKeyLength, key.Length);
        Assert.False(TrackingKeys.IsValidKey(new string('k', 251)));
    }

    [Theory]
    [InlineData("ok", true)]
    [InlineData("a/b", true)]
    [InlineData("a b", true)]
    [InlineData("a$b", false)]
    [InlineData("a/", false)]
    [InlineData("a/./b", false)]
    [InlineData("..", false)]
    [InlineData("", false)]
    public void IsValidKey_follows_mlflow_validation(string key, bool valid) =>
        Assert.Equal(valid, TrackingKeys.IsValidKey(key));

    [Fact]
    public void Image_keys_allow_only_ascii_letters_digits_and_mlflow_punctuation()
    {
        Assert.Equal("gen/samples_ep_1 x", TrackingKeys.SanitizeImageKey("gen/samples:ep%1 x"));
        Assert.Equal("caf_", TrackingKeys.SanitizeImageKey("café"));
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        var value = new string('a', 4) + "😀" + "b";
        var kept = TrackingKeys.Truncate(value, 5, out var truncated);
        Assert.True(truncated);
        Assert.Equal("aaaa", kept);
        Assert.Equal("short", TrackingKeys.Truncate("short", 10, out var untouched));
        Assert.False(untouched);
    }
}
