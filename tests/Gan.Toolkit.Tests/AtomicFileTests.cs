namespace Gan.Toolkit.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_replaces_the_file_and_leaves_no_temporary_behind()
    {
        var path = _folder.Combine("sub", "state.txt");
        AtomicFile.WriteText(path, "old\n");

        AtomicFile.WriteText(path, "new\n");

        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal(["state.txt"], Directory.GetFiles(_folder.Combine("sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void Failed_write_keeps_the_old_content_and_deletes_its_temporary()
    {
        var path = _folder.Combine("state.txt");
        AtomicFile.WriteText(path, "old\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("crash mid-write");
        }));

        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal(["state.txt"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Publish_moves_a_temporary_written_by_path_over_the_target()
    {
        var path = _folder.Combine("weights.pt");
        var temporary = AtomicFile.TemporaryPathFor(path);
        File.WriteAllBytes(temporary, [1, 2, 3]);

        AtomicFile.Publish(temporary, path);

        Assert.StartsWith(AtomicFile.TemporaryPrefix, Path.GetFileName(temporary), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.False(File.Exists(temporary));
    }

    [Fact]
    public void CleanLeftovers_removes_only_temporary_entries()
    {
        File.WriteAllText(_folder.Combine("keep.txt"), "x");
        File.WriteAllText(_folder.Combine(AtomicFile.TemporaryPrefix + "keep.txt.1234.tmp"), "x");
        Directory.CreateDirectory(_folder.Combine(AtomicFile.TemporaryPrefix + "checkpoint"));

        AtomicFile.CleanLeftovers(_folder.Path);

        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }
}
