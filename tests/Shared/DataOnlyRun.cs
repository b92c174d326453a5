using Gan.Abstractions;

namespace Gan.Tests.Shared;

/// <summary>A trained run reduced to what sample exporters read: its data source and component context.</summary>
internal sealed class DataOnlyRun(IDataSource data, ComponentContext context) : ITrainedRun
{
    public string CheckpointFolder => "";

    public IReadOnlyList<string> Instances => [];

    public ComponentContext Components => context;

    public T Load<T>(string instance, string? role = null) where T : class, INetwork => throw new NotSupportedException();

    public IDataSource CreateDataSource() => data;

    public void Dispose()
    {
    }
}
