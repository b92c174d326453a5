using Gan.Abstractions;

namespace Gan.Plugins.Mnist.Tests;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string name, byte[] content)
    {
        var path = _folder.Combine(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Raw_and_gzipped_files_parse_back_to_their_dims_and_data(bool gzip)
    {
        byte[] data = [1, 2, 3, 4, 5, 6, 250, 251, 252, 253, 254, 255];
        var content = TestData.Idx([2, 2, 3], data);
        // Named without .gz on purpose: gzip is recognised by its magic bytes, not the extension.
        var path = Write("images-idx3-ubyte", gzip ? TestData.Gzip(content) : content);

        var file = IdxReader.Read(path);

        Assert.Equal([2, 2, 3], file.Dimensions);
        Assert.Equal(data, file.Data);
        Assert.Equal("2×2×3", file.Shape);
    }

    [Fact]
    public void Bad_magic_names_the_file_and_the_bytes_at_offset_0()
    {
        var path = Write("train-images-idx3-ubyte", [0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1, 9]);

        var error = Assert.Throws<GanInputException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not an IDX file: magic bytes at offset 0 are 12 34 56 78", error.Message);
    }

    [Fact]
    public void Truncated_idx_file_names_the_file_the_declared_size_and_the_offset()
    {
        var content = TestData.Idx([3, 28, 28], new byte[3 * 28 * 28]);
        var path = Write("train-images-idx3-ubyte.gz", TestData.Gzip(content[..(16 + 1000)]));

        var error = Assert.Throws<GanInputException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated: the header declares 3×28×28 = 2,352 bytes of data but only 1,000 follow (offset 16", error.Message);
    }

    [Fact]
    public void Truncated_header_names_the_file_and_what_is_missing()
    {
        var content = TestData.Idx([5, 28, 28], []);
        var path = Write("t10k-images-idx3-ubyte", content[..9]);

        var error = Assert.Throws<GanInputException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated header", error.Message);
        Assert.Contains("3 dimension(s), which need 12 bytes at offset 4, but only 5 follow", error.Message);
    }

    [Fact]
    public void File_shorter_than_the_magic_is_a_truncated_header()
    {
        var path = Write("labels", [0, 0]);

        var error = Assert.Throws<GanInputException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated header", error.Message);
    }

    [Fact]
    public void Unsupported_element_type_is_refused_by_name()
    {
        var content = TestData.Idx([1], [0, 0, 0, 0]);
        content[2] = 0x0D;
        var path = Write("floats-idx1", content);

        var error = Assert.Throws<GanInputException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("unsupported element type 0x0d (float32) at offset 2", error.Message);
    }

    [Fact]
    public void Garbage_after_the_gzip_magic_is_not_a_valid_gzip_stream()
    {
        var path = Write("train-labels-idx1-ubyte.gz", [0x1f, 0x8b, .. "this is not deflate data"u8.ToArray()]);

        var error = Assert.Throws<GanInputException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not a valid gzip stream", error.Message);
    }

    [Fact]
    public void Bytes_after_the_declared_data_are_refused_with_their_offset()
    {
        var content = TestData.Idx([2], [7, 8]);
        var path = Write("labels", [.. content, 9, 9, 9]);

        var error = Assert.Throws<GanInputException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("3 unexpected byte(s)", error.Message);
        Assert.Contains("(offset 10)", error.Message);
    }

    [Fact]
    public void Missing_file_is_an_input_error_naming_it()
    {
        var path = _folder.Combine("nothing-here");

        var error = Assert.Throws<GanInputException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
    }
}
