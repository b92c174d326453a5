namespace Gan.Bench.Domains;

/// <summary>How one side runs one domain's stage.</summary>
/// <param name="Domain">The row.</param>
/// <param name="Steps">Steps timed.</param>
/// <param name="Threads">torch threads.</param>
/// <param name="Seed">Seed for weights, noise and data order.</param>
/// <param name="DataRoot">The datasets' folder (mnist/, midi-piano/, ...).</param>
/// <param name="CacheRoot">The engine's cache folder (piano rolls, vocabularies), shared by every run so that only the first builds it.</param>
internal sealed record DomainRunSettings(DomainBenchmark Domain, long Steps, int Threads, int Seed, string DataRoot, string CacheRoot);
