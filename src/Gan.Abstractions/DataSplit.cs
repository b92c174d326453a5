namespace Gan.Abstractions;

/// <summary>Which part of a dataset to read.</summary>
public enum DataSplit
{
    /// <summary>Training examples.</summary>
    Train,

    /// <summary>Held-out examples for metrics during training.</summary>
    Validation,

    /// <summary>Held-out examples for final evaluation and fixed sample sets.</summary>
    Test,
}
