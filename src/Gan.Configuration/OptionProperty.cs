using System.Reflection;

namespace Gan.Configuration;

/// <summary>A settable property of an options class and the YAML key it binds to.</summary>
internal sealed record OptionProperty(PropertyInfo Info, string Key)
{
    public Type Type => Info.PropertyType;
}
