namespace Gan.Plugins.Mnist;

/// <summary>The decoded content of an IDX file: its dimensions and its unsigned-byte elements in row-major order.</summary>
/// <param name="Path">The file it was read from, for error messages further down the line.</param>
/// <param name="Dimensions">The sizes declared in the header, outermost first (for MNIST images: count, rows, columns).</param>
/// <param name="Data">The elements; its length is the product of <paramref name="Dimensions"/>.</param>
internal sealed record IdxFile(string Path, int[] Dimensions, byte[] Data)
{
    /// <summary>The dimensions written as the header declares them, for example "60000×28×28".</summary>
    public string Shape => string.Join('×', Dimensions);
}
