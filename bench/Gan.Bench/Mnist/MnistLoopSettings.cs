namespace Gan.Bench.Mnist;

/// <summary>What one side of the MNIST benchmark runs.</summary>
/// <param name="DataRoot">Folder holding mnist/.</param>
/// <param name="Steps">Training steps to time.</param>
/// <param name="Threads">torch CPU threads.</param>
/// <param name="Seed">Seed for weights, noise and data order.</param>
/// <param name="WarmupSteps">Steps before the first memory sample.</param>
/// <param name="SampleEvery">Steps between memory samples.</param>
/// <param name="Experiment">The experiment file the engine side runs.</param>
internal sealed record MnistLoopSettings(
    string DataRoot,
    long Steps,
    int Threads,
    int Seed,
    long WarmupSteps,
    long SampleEvery,
    string Experiment);
