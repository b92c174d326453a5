
namespace Gan.Plugins.Mnist.Tests;

/// <summary>
/// A local stand-in for the MNIST mirrors: <c>/missing/…</c> answers 404, <c>/real/NAME</c> serves the shared data's
/// NAME, <c>/wrong/NAME</c> serves bytes that are not MNIST.
/// </summary>
internal sealed class LocalMirror : IDisposable
{
    private readonly LocalHttpServer _server = new(Content);

    public string Missing => _server.BaseUrl + "missing/";

    public string Real => _server.BaseUrl + "real/";

    public string Wrong => _server.BaseUrl + "wrong/";

    public IReadOnlyCollection<string> Requests => _server.Requests;

    public void Dispose() => _server.Dispose();

    private static byte[]? Content(string path) => path.Trim('/').Split('/') switch
    {
        ["real", var name] when File.Exists(Path.Combine(TestData.MnistFolder, name)) =>
            File.ReadAllBytes(Path.Combine(TestData.MnistFolder, name)),
        ["wrong", _] => TestData.Gzip("these bytes are not MNIST"u8.ToArray()),
        _ => null,
    };
}
