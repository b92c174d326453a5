namespace Gan.Abstractions;

/// <summary>
/// Overrides the YAML key of an options property. By default the key is the property name in
/// snake_case (<c>BatchSize</c> → <c>batch_size</c>); use this to keep a reference implementation's
/// spelling, such as <c>lambda_A</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class OptionNameAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public OptionNameAttribute(string name) => Name = name;

    /// <summary>The YAML key.</summary>
    public string Name { get; }
}
