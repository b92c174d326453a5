namespace Gan.Abstractions;

/// <summary>
/// Marks an integer option of a network as given by the data (added in 1.1): when the experiment leaves it out, it
/// takes the data source's size <see cref="Size"/> (see <see cref="IDataShapeProvider"/>); when the experiment sets
/// it, the value must equal the data's size, or be at least it when <see cref="AtLeast"/> is set (an embedding may
/// have spare rows), else the run stops with an error naming the option and both values.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class FromDataAttribute : Attribute
{
    /// <summary>Creates the attribute for the data size called <paramref name="size"/> (see <see cref="DataSizes"/>).</summary>
    public FromDataAttribute(string size) => Size = size;

    /// <summary>The name of the data size.</summary>
    public string Size { get; }

    /// <summary>True when a larger value than the data's is allowed.</summary>
    public bool AtLeast { get; init; }
}
