using System.Runtime.InteropServices;

namespace Gan.Engine.Distributed;

/// <summary>
/// The few MPI functions data-parallel training needs, called in Open MPI's <c>libmpi.so.40</c> through P/Invoke.
/// Written by hand because the feed's MPI.NET (1.4.0) binds only to Microsoft's MS-MPI (<c>msmpi.dll</c>, whose
/// handles are integers) and fails to start under Open MPI on Linux. Open MPI's handles are the addresses of its
/// predefined global objects (<c>MPI_COMM_WORLD</c> is <c>&amp;ompi_mpi_comm_world</c>), read with
/// <see cref="NativeLibrary.GetExport"/>; MPICH-family libraries would need integer handles instead.
/// </summary>
internal static partial class OpenMpiLibrary
{
    public const string LibraryName = "libmpi.so.40";

    /// <summary><c>MPI_IN_PLACE</c> in Open MPI's mpi.h.</summary>
    public static readonly IntPtr InPlace = 1;

    private const int ThreadSerialized = 2; // MPI_THREAD_SERIALIZED: calls come from one thread at a time, not always the same one
    private const int RtldNow = 2;
    private const int RtldGlobal = 0x100;
    private static IntPtr s_handle;

    public static IntPtr CommWorld { get; private set; }

    public static IntPtr Float32 { get; private set; }

    public static IntPtr Float64 { get; private set; }

    public static IntPtr Sum { get; private set; }

    public static IntPtr Max { get; private set; }

    public static IntPtr Min { get; private set; }

    /// <summary>
    /// Loads libmpi with its symbols global (Open MPI's plugins resolve them from the process, as mpi4py loads it) and
    /// reads the predefined handles. Throws <see cref="DllNotFoundException"/> with the loader's reason when it cannot.
    /// </summary>
    public static void Load()
    {
        if (s_handle != IntPtr.Zero)
        {
            return;
        }

        var handle = dlopen(LibraryName, RtldNow | RtldGlobal);
        if (handle == IntPtr.Zero)
        {
            throw new DllNotFoundException($"{LibraryName}: {Marshal.PtrToStringUTF8(dlerror()) ?? "not found"}");
        }

        NativeLibrary.SetDllImportResolver(typeof(OpenMpiLibrary).Assembly, (name, _, _) => name == LibraryName ? handle : IntPtr.Zero);
        CommWorld = dlsym(handle, "ompi_mpi_comm_world");
        Float32 = dlsym(handle, "ompi_mpi_float");
        Float64 = dlsym(handle, "ompi_mpi_double");
        Sum = dlsym(handle, "ompi_mpi_op_sum");
        Max = dlsym(handle, "ompi_mpi_op_max");
        Min = dlsym(handle, "ompi_mpi_op_min");
        if (new[] { CommWorld, Float32, Float64, Sum, Max, Min }.Any(p => p == IntPtr.Zero))
        {
            throw new DllNotFoundException($"{LibraryName} is not Open MPI's: its predefined handles (ompi_mpi_comm_world, ...) are missing.");
        }

        s_handle = handle;
    }

    public static void InitThread()
    {
        Check(MPI_Initialized(out var initialized), "MPI_Initialized");
        if (initialized == 0)
        {
            Check(MPI_Init_thread(IntPtr.Zero, IntPtr.Zero, ThreadSerialized, out _), "MPI_Init_thread");
        }
    }

    public static void Check(int code, string function)
    {
        if (code != 0)
        {
            throw new InvalidOperationException($"{function} failed with MPI error code {code}.");
        }
    }

    [LibraryImport("libdl.so.2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlopen(string file, int mode);

    [LibraryImport("libdl.so.2")]
    private static partial IntPtr dlerror();

    [LibraryImport("libdl.so.2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlsym(IntPtr handle, string symbol);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Initialized(out int flag);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Init_thread(IntPtr argc, IntPtr argv, int required, out int provided);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Finalized(out int flag);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Finalize();

    [LibraryImport(LibraryName)]
    public static partial int MPI_Comm_rank(IntPtr comm, out int rank);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Comm_size(IntPtr comm, out int size);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Bcast(IntPtr buffer, int count, IntPtr datatype, int root, IntPtr comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Allreduce(IntPtr sendBuffer, IntPtr receiveBuffer, int count, IntPtr datatype, IntPtr op, IntPtr comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Barrier(IntPtr comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Abort(IntPtr comm, int errorCode);
}
