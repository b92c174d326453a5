using System.Diagnostics;
using static Gan.Engine.Distributed.OpenMpiLibrary;

namespace Gan.Engine.Distributed;

/// <summary>
/// The world of ranks of one data-parallel run: sums and broadcasts of host buffers through MPI, timed so the
/// benchmark can report the communication per step. MPI is initialised once per process and finalised at exit.
/// </summary>
internal sealed unsafe class MpiCommunicator : ICommunicator
{
    private static readonly Lock s_gate = new();
    private static MpiCommunicator? s_world;
    private readonly Stopwatch _communication = new();

    private MpiCommunicator(int rank, int size) => (Rank, Size) = (rank, size);

    public int Rank { get; }

    public int Size { get; }

    public TimeSpan CommunicationTime => _communication.Elapsed;

    /// <summary>Initialises MPI (once per process) and returns the world; throws <see cref="DistributedSetupException"/> with the reason when it cannot.</summary>
    public static MpiCommunicator World()
    {
        lock (s_gate)
        {
            if (s_world is not null)
            {
                return s_world;
            }

            try
            {
                Load();
            }
            catch (DllNotFoundException ex)
            {
                throw new DistributedSetupException(
                    $"Distributed training needs Open MPI's library ({LibraryName}), which could not be loaded: {ex.Message}. " +
                    "Install it (Debian: apt-get install openmpi-bin) or set distributed.enabled: off.", isEnvironmentProblem: true);
            }

            InitThread();
            Check(MPI_Comm_rank(CommWorld, out var rank), "MPI_Comm_rank");
            Check(MPI_Comm_size(CommWorld, out var size), "MPI_Comm_size");
            s_world = new MpiCommunicator(rank, size);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Finish();
            return s_world;
        }
    }

    public void SumInPlace(Span<float> buffer)
    {
        _communication.Start();
        fixed (float* data = buffer)
        {
            Check(MPI_Allreduce(InPlace, (IntPtr)data, buffer.Length, Float32, Sum, CommWorld), "MPI_Allreduce");
        }

        _communication.Stop();
    }

    public void ReduceInPlace(double[] buffer, ReduceOperation operation)
    {
        var op = operation switch
        {
            ReduceOperation.Sum => Sum,
            ReduceOperation.Max => Max,
            _ => Min,
        };
        _communication.Start();
        fixed (double* data = buffer)
        {
            Check(MPI_Allreduce(InPlace, (IntPtr)data, buffer.Length, Float64, op, CommWorld), "MPI_Allreduce");
        }

        _communication.Stop();
    }

    public void Broadcast(Span<float> buffer)
    {
        _communication.Start();
        fixed (float* data = buffer)
        {
            Check(MPI_Bcast((IntPtr)data, buffer.Length, Float32, 0, CommWorld), "MPI_Bcast");
        }

        _communication.Stop();
    }

    public void Abort(int exitCode) => _ = MPI_Abort(CommWorld, exitCode); // does not return when it works

    private static void Finish()
    {
        if (MPI_Finalized(out var finalized) == 0 && finalized == 0)
        {
            _ = MPI_Finalize(); // at exit: nothing left to report a failure to
        }
    }
}
