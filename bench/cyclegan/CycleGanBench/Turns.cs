namespace CycleGanBench;

/// <summary>
/// Takes turns with the PyTorch peer through named pipes (run.sh creates them): one side runs an iteration while
/// the other waits, so every pair of iterations meets the same machine. On a shared 2-core machine single iterations
/// swing by ±15 % within seconds and the level drifts over minutes, which otherwise lands on whichever side runs then.
/// </summary>
internal sealed class Turns : IDisposable
{
    private readonly FileStream _mine;
    private readonly FileStream _theirs;
    private readonly string _ready;

    /// <summary>Opens <c>DIRECTORY/ours</c> (our turns arrive) and <c>DIRECTORY/peer</c> (we hand the turn over).</summary>
    public Turns(string directory)
    {
        // bufferSize 0: every byte goes through the pipe at once. run.sh keeps both pipes open for reading and
        // writing, so opening never blocks and the last hand-over never fails for want of a reader.
        _mine = new FileStream(Path.Combine(directory, "ours"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        _theirs = new FileStream(Path.Combine(directory, "peer"), FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        _ready = Path.Combine(directory, "ready");
    }

    /// <summary>Tells run.sh this side has finished setting up; it starts the turns once both sides have.</summary>
    public void SayReady() => File.AppendAllText(_ready, "torchsharp\n");

    /// <summary>Blocks until it is this side's turn.</summary>
    public void Wait()
    {
        if (_mine.ReadByte() < 0)
        {
            throw new EndOfStreamException("The turn pipe closed: run.sh stopped.");
        }
    }

    /// <summary>Gives the turn to the peer.</summary>
    public void Pass() => _theirs.WriteByte(1);

    public void Dispose()
    {
        _mine.Dispose();
        _theirs.Dispose();
    }
}
