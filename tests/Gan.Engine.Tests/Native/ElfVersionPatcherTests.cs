using Gan.Native;
using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Native;

public sealed class ElfVersionPatcherTests
{
    private const string Version = "GLIBCXX_3.4.32";

    [Fact]
    public void Strong_requirement_becomes_weak_and_the_rest_of_the_file_is_unchanged()
    {
        using var temp = new TemporaryDirectory();
        var library = Path.Combine(FindPackagedLibrary());
        var copy = temp.Combine("libLibTorchSharp.so");
        File.Copy(library, copy);
        Assert.True(ElfVersionPatcher.HasStrongRequirement(copy, Version));

        Assert.Equal(ElfVersionPatcher.PatchResult.Patched, ElfVersionPatcher.MarkVersionWeak(copy, Version));

        Assert.False(ElfVersionPatcher.HasStrongRequirement(copy, Version));
        var before = File.ReadAllBytes(library);
        var after = File.ReadAllBytes(copy);
        Assert.Equal(before.Length, after.Length);
        Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
        Assert.Equal(ElfVersionPatcher.PatchResult.AlreadyWeak, ElfVersionPatcher.MarkVersionWeak(copy, Version));
    }

    [Fact]
    public void Library_without_the_requirement_is_left_alone()
    {
        using var temp = new TemporaryDirectory();
        var copy = temp.Combine("libc10.so");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "libc10.so"), copy);
        var before = File.ReadAllBytes(copy);

        Assert.Equal(ElfVersionPatcher.PatchResult.NotRequired, ElfVersionPatcher.MarkVersionWeak(copy, Version));
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Non_elf_file_is_refused_with_its_path()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("not-a-library.so", "hello");

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(path, Version));

        Assert.Contains(path, error.Message);
    }

    /// <summary>The unpatched library as the TorchSharp package ships it (the copy beside the tests may be patched).</summary>
    private static string FindPackagedLibrary()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var candidates = Directory.Exists(Path.Combine(packages, "torchsharp"))
            ? Directory.GetFiles(Path.Combine(packages, "torchsharp"), "libLibTorchSharp.so", SearchOption.AllDirectories)
            : [];
        Assert.True(candidates.Length > 0, $"TorchSharp's package was not found under {packages}.");
        return candidates[0];
    }
}
