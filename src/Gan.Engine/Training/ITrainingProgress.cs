namespace Gan.Engine.Training;

/// <summary>Shows training progress; the console implementation draws one live line per stage.</summary>
public interface ITrainingProgress
{
    /// <summary>Starts showing a stage of <paramref name="totalSteps"/> steps.</summary>
    IStageProgress BeginStage(string stageName, long totalSteps, int totalEpochs);
}

/// <summary>Progress of one stage.</summary>
public interface IStageProgress : IDisposable
{
    /// <summary>Reports that <paramref name="step"/> finished with <paramref name="values"/>. Called every step: keep it cheap.</summary>
    void Report(long step, int epoch, IReadOnlyDictionary<string, double> values);
}

/// <summary>Shows nothing (tests, benchmarks).</summary>
public sealed class NoTrainingProgress : ITrainingProgress, IStageProgress
{
    /// <summary>The shared instance.</summary>
    public static NoTrainingProgress Instance { get; } = new();

    /// <inheritdoc />
    public IStageProgress BeginStage(string stageName, long totalSteps, int totalEpochs) => this;

    /// <inheritdoc />
    public void Report(long step, int epoch, IReadOnlyDictionary<string, double> values) { }

    /// <inheritdoc />
    public void Dispose() { }
}
