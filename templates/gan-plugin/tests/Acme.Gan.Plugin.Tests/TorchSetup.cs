using System.Runtime.CompilerServices;
using Gan.Native;

namespace Acme.Gan.Plugin.Tests;

/// <summary>
/// Loads libtorch before any test touches TorchSharp. On Debian 12 / Ubuntu 22.04 the system libstdc++ lacks the
/// GLIBCXX_3.4.32 that TorchSharp 0.107's native library asks for; the loader fixes that in this project's copy,
/// as the host does for plugins it runs.
/// </summary>
internal static class TorchSetup
{
    [ModuleInitializer]
    internal static void Load() => TorchNativeLoader.EnsureLoaded();
}
