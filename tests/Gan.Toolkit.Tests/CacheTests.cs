using Gan.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Toolkit.Tests;

public sealed class CacheTests
{
    [Fact]
    public void Cache_key_is_the_leading_hex_of_the_sha256()
    {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        Assert.Equal("ba7816bf8f01cfea414140de", CacheKey.Of("abc"));
        Assert.Equal("ba7816bf8f01", CacheKey.Of("abc", 12));
        Assert.Equal(Checksum.Sha256("abc"), CacheKey.Of("abc", 64));
        Assert.NotEqual(CacheKey.Of("abc"), CacheKey.Of("abd"));
    }

    [Fact]
    public void File_checksum_matches_the_text_checksum_of_the_same_bytes()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Combine("data.txt");
        File.WriteAllText(path, "abc");

        Assert.Equal(Checksum.Sha256("abc"), Checksum.Sha256OfFile(path));
    }

    [Fact]
    public void Cache_paths_put_each_area_directly_under_the_cache_root()
    {
        using var folder = new TemporaryDirectory();
        var context = new ComponentContext(TorchSharp.torch.CPU, 1, folder.Path, folder.Combine("cache"), NullLoggerFactory.Instance,
            NullProgressReporter.Instance, new EmptyServices());

        Assert.Equal(folder.Combine("cache", "midi-pianoroll"), CachePaths.Folder(context, "midi-pianoroll"));
        Assert.Equal(folder.Combine("cache", "text", "vocab.txt"), CachePaths.File(context, "text", "vocab.txt"));
        Assert.Throws<ArgumentException>(() => CachePaths.Folder(context, "../elsewhere"));
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
