using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>
/// (Since 1.2.) Writes samples of a trained generator as the files of its domain, for <c>gan sample</c>: digits as
/// PNGs, segments as MIDI, sequences as CSV. A plugin registers it as a service
/// (<c>services.AddSingleton&lt;ISampleExporter, ...&gt;()</c>); the host picks the one that names the run's data source.
/// </summary>
public interface ISampleExporter
{
    /// <summary>The data source components (their <c>data.type</c>) whose generators this exporter writes, e.g. <c>mnist</c>.</summary>
    IReadOnlyList<string> DataSources { get; }

    /// <summary>Writes <see cref="SampleExportRequest.Samples"/> into <see cref="SampleExportRequest.Folder"/>; returns the files written.</summary>
    IReadOnlyList<string> Export(SampleExportRequest request);
}

/// <summary>What <see cref="ISampleExporter.Export"/> writes.</summary>
/// <param name="Samples">The generator's output for <c>Count</c> latents, on the CPU, detached (N first).</param>
/// <param name="Run">The trained run, for its data source (layouts, scalers, value ranges).</param>
/// <param name="Folder">Where to write; it exists.</param>
/// <param name="Seed">The seed the latents were drawn with, for file titles.</param>
public sealed record SampleExportRequest(Tensor Samples, ITrainedRun Run, string Folder, int Seed);
