using System.Globalization;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>Chooses the training device from the experiment's <c>device</c> value: <c>auto|cpu|cuda|cuda:N</c>.</summary>
public static class DeviceSelector
{
    /// <summary>Returns null when <paramref name="spec"/> is well formed, else the error.</summary>
    public static string? Validate(string spec) => Parse(spec, out _, out _)
        ? null
        : $"device '{spec}' is not one of auto, cpu, cuda, cuda:N (N a GPU index)";

    /// <summary>
    /// The device to train on. CUDA requested but not usable (no GPU, a CPU-only libtorch build, an index
    /// past the last GPU) falls back to the CPU with a warning rather than failing the run.
    /// </summary>
    public static torch.Device Select(string spec, ILogger logger)
    {
        if (!Parse(spec, out var wantsCuda, out var index))
        {
            throw new ArgumentException(Validate(spec), nameof(spec));
        }

        var isAuto = spec.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);
        if (!wantsCuda && !isAuto)
        {
            return torch.CPU;
        }

        var available = torch.cuda.is_available();
        if (isAuto)
        {
            return available ? torch.CUDA : torch.CPU;
        }

        if (!available)
        {
            logger.LogWarning(
                "device: {Device} was requested but CUDA is not available (no GPU, or this build uses the CPU libtorch; " +
                "build with -p:TorchBackend=cuda). Training on the CPU.", spec);
            return torch.CPU;
        }

        var count = torch.cuda.device_count();
        if (index >= count)
        {
            logger.LogWarning("device: {Device} was requested but only {Count} GPU(s) exist. Training on the CPU.", spec, count);
            return torch.CPU;
        }

        return new torch.Device(DeviceType.CUDA, index);
    }

    private static bool Parse(string spec, out bool cuda, out int index)
    {
        cuda = false;
        index = 0;
        var value = spec.Trim().ToLowerInvariant();
        switch (value)
        {
            case "auto" or "cpu":
                return true;
            case "cuda" or "gpu":
                cuda = true;
                return true;
        }

        if (value.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            cuda = true;
            return true;
        }

        return false;
    }
}
