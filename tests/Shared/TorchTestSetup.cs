using System.Runtime.CompilerServices;
using Gan.Native;

namespace Gan.Tests.Shared;

/// <summary>
/// Test assemblies load libtorch like the host does: the module initializer runs before any test, so the
/// GLIBCXX patch is applied to this test project's copy of the natives before TorchSharp touches them.
/// </summary>
internal static class TorchTestSetup
{
    [ModuleInitializer]
    internal static void LoadTorch() => TorchNativeLoader.EnsureLoaded();
}
