namespace Gan.Tracking;

/// <summary>
/// Serialises experiment lookup-and-create across processes (and tasks) sharing one root. Holding the lock file
/// open with <see cref="FileShare.None"/> takes an exclusive flock on Unix and a share-mode lock on Windows; both
/// also conflict between two opens in the same process, so one mechanism covers every case.
/// </summary>
internal sealed class FileStoreLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private readonly FileStream _stream;

    private FileStoreLock(FileStream stream) => _stream = stream;

    public static async Task<FileStoreLock> AcquireAsync(string root, CancellationToken ct)
    {
        var path = Path.Combine(root, FileStorePaths.LockFile);
        var started = DateTime.UtcNow;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return new FileStoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow - started < GiveUpAfter)
            {
                await Task.Delay(RetryDelay, ct);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
