namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// A sequence source whose values were scaled for training; plots and forecasts use <see cref="Scaler"/> to
/// report values in the data's own units.
/// </summary>
internal interface IScaledSeries
{
    /// <summary>The fitted scaling (identity for synthetic data). Valid after preparation.</summary>
    SeriesScaler Scaler { get; }

    /// <summary>The prepared sequences of <paramref name="split"/>, each T + 1 scaled values.</summary>
    SequenceBatches Sequences(Gan.Abstractions.DataSplit split);
}
