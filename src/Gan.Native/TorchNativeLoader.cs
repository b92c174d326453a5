using System.Runtime.InteropServices;
using TorchSharp;

namespace Gan.Native;

/// <summary>
/// Makes libtorch loadable before the first TorchSharp call, and turns a failure into one clear message.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's libLibTorchSharp.so requires GLIBCXX_3.4.32 for a marker symbol it never calls;
/// Debian 12 and Ubuntu 22.04 ship GLIBCXX_3.4.30 and refuse to load it. Where the system libstdc++ lacks
/// that version, the requirement is marked weak in the copy this process loads: the one beside the
/// assemblies (RID-specific builds) or TorchSharp's own <c>cpu/</c> copy.
/// </remarks>
public static class TorchNativeLoader
{
    private const string RequiredGlibcxx = "GLIBCXX_3.4.32";
    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <summary>
    /// Patches the native library where needed and initialises TorchSharp's CPU backend. Idempotent and
    /// thread-safe. Throws <see cref="TorchUnavailableException"/> when libtorch cannot be loaded.
    /// </summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_ready)
            {
                return;
            }

            if (OperatingSystem.IsLinux() && !SystemLibStdCxxHas(RequiredGlibcxx))
            {
                foreach (var candidate in CandidateLibraries())
                {
                    PatchIfNeeded(candidate);
                }
            }

            NativeHeapSettings.Apply();
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new TorchUnavailableException(
                    $"libtorch could not be loaded: {ex.Message}\n" +
                    $"  Looked beside the program in {AppContext.BaseDirectory}.\n" +
                    "  Rebuild the project (dotnet build) so the libtorch package's natives are copied there; " +
                    "see README, Troubleshooting.", ex);
            }

            _ready = true;
        }
    }

    private static IEnumerable<string> CandidateLibraries()
    {
        var name = "libLibTorchSharp.so";
        yield return Path.Combine(AppContext.BaseDirectory, name);
        yield return Path.Combine(AppContext.BaseDirectory, "cpu", name);
        yield return Path.Combine(AppContext.BaseDirectory, "cuda", name);
    }

    private static void PatchIfNeeded(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            ElfVersionPatcher.MarkVersionWeak(path, RequiredGlibcxx);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new TorchUnavailableException(
                $"{path} needs {RequiredGlibcxx}, which this system's libstdc++ lacks, and it could not be " +
                $"patched ({ex.Message}). Make the program folder writable or install a newer libstdc++.", ex);
        }
    }

    private static bool SystemLibStdCxxHas(string version)
    {
        if (!NativeLibrary.TryLoad("libstdc++.so.6", out var handle))
        {
            return false;
        }

        try
        {
            // The marker symbol exists exactly in the libstdc++ versions that define GLIBCXX_3.4.32.
            return NativeLibrary.TryGetExport(handle, "_ZSt21ios_base_library_initv", out _);
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}
