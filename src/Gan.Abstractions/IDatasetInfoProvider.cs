namespace Gan.Abstractions;

/// <summary>
/// Implemented by an <see cref="IDataSource"/> that can say what it read, so every run records its data as MLflow
/// dataset inputs. The engine calls <see cref="GetDatasets"/> once, after <see cref="IDataSource.PrepareAsync"/>; a
/// source that does not implement it simply records none. Added in 1.1.
/// </summary>
public interface IDatasetInfoProvider
{
    /// <summary>The datasets read, one per split (or per folder) with its context. Valid after preparation.</summary>
    IReadOnlyList<DatasetInfo> GetDatasets();
}
